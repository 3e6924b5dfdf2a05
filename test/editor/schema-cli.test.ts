/**
 * `logi schema --workspace` and `logi init`, as a user runs them: the schemas written offer the
 * ids of the workspace where they are cited, in the language asked for, and the commands speak
 * French as well as English. The ids expected are those of templates/init/, read by hand.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

type Schema = Record<string, unknown>;

const temporary: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-schema-'));
  temporary.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function readSchema(dir: string, file: string): Schema {
  return JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Schema;
}
const props = (schema: unknown) => (schema as Schema).properties as Record<string, Schema>;

/** The ids an id-valued key offers: the `enum` of its `anyOf`, and their descriptions. */
function offered(key: Schema): { ids: unknown[]; descriptions: unknown[] } {
  const form = ((key.anyOf ?? []) as Schema[]).find((f) => Array.isArray(f.enum));
  return { ids: (form?.enum as unknown[]) ?? [], descriptions: (form?.enumDescriptions as unknown[]) ?? [] };
}

function actionNode(logigramme: Schema): Schema {
  const node = props(logigramme).nodes!.additionalProperties as Schema;
  return (node.allOf as Schema[]).map((a) => a.then as Schema).find((v) => props(v).type!.const === 'action')!;
}

describe('logi schema --workspace', () => {
  let workspace: string;
  beforeAll(() => {
    workspace = path.join(tempDir(), 'ws');
    expect(runCli(['init', workspace, '--lang', 'en']).status).toBe(0);
  });

  it("writes schemas that offer the workspace's actors, strata, pyramids, logigrammes and sources where they are cited", () => {
    const out = tempDir();
    const run = runCli(['schema', '--workspace', '--out', out, '--json', '--lang', 'fr'], { cwd: workspace });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { workspace: string; files: { fileName: string }[] };
    expect(result.workspace).toBe(workspace);
    expect(result.files).toHaveLength(12);

    const logigramme = readSchema(out, 'logigramme.schema.json');
    const actor = offered(props(actionNode(logigramme)).actor!);
    expect(actor.ids).toEqual(['medecin-generaliste', 'laboratoire']);
    expect(actor.descriptions).toEqual(['Médecin généraliste — acteur du registre acteurs', 'Laboratoire de biologie — acteur du registre acteurs']);
    expect(offered(props(logigramme).stratum!).ids).toEqual(['S0', 'S1', 'S2']);
    expect(offered(props(logigramme).pyramid!).ids).toEqual(['mon-diabete']);
    // The logigramme's sources: has-2003 and dpp (templates/init/logigrammes/s1-depistage.yaml).
    const evidence = props(actionNode(logigramme)).evidence!;
    const single = (evidence.anyOf as Schema[]).find((f) => f.type === 'object')!;
    const source = props(single).source!;
    const idForm = (source.anyOf as Schema[]).find((f) => Array.isArray(f.anyOf))!;
    expect(offered(idForm).ids).toEqual(['has-2003', 'dpp']);

    const program = readSchema(out, 'program.schema.json');
    expect(Object.keys(props(props(program).strata!))).toEqual(['S0', 'S1', 'S2']);
    expect(offered(props(props(program).strata!.additionalProperties).logigramme!).ids).toEqual(['mon-s1-depistage']);

    const territory = readSchema(out, 'territory.schema.json');
    const pyramid = props(props(territory).pyramids!)['mon-diabete']!;
    expect(pyramid.description).toMatch(/^Diabète de type 2 \(exemple\) — défini dans pyramide\.yaml/);
    expect(Object.keys(props(props(pyramid).counts!))).toEqual(['S0', 'S1', 'S2']);
    expect(Object.keys(props(props(territory).workforce!))).toEqual(['medecin-generaliste', 'laboratoire']);
  });

  it('says what it wrote, in French', () => {
    const out = tempDir();
    const run = runCli(['schema', '--workspace', '--out', out, '--lang', 'fr'], { cwd: workspace });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`✔ 12 schémas écrits dans ${out} : pyramid.schema.json,`);
    // templates/init: 2 actors, 1 pyramid, 3 strata, 1 logigramme, no phase, 6 source ids.
    expect(run.stdout).toContain('acteurs 2, pyramides 1, strates 3, logigrammes 1, phases 0, sources 6');
    expect(run.stdout).toContain('Relancez `logi schema --workspace --out DOSSIER`');
  });

  it('refuses --workspace outside a workspace: exit 2, and says how to make one', () => {
    const outside = tempDir();
    const run = runCli(['schema', '--workspace', '--out', path.join(outside, 'schemas'), '--lang', 'fr'], { cwd: outside });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`aucun logi.config.yaml dans ${outside} ni au-dessus`);
    expect(run.stderr).toContain('`logi init`');
  });

  it('writes the descriptions in the language of --lang', () => {
    for (const [lang, label] of [['fr', /^Libellé du nœud/], ['en', /^Label of the node/]] as const) {
      const out = tempDir();
      expect(runCli(['schema', '--out', out, '--lang', lang]).status).toBe(0);
      expect(props(actionNode(readSchema(out, 'logigramme.schema.json'))).label!.description).toMatch(label);
    }
  });
});

describe('logi init', () => {
  it('writes the schemas of its own workspace, which offer its actors', () => {
    const dir = path.join(tempDir(), 'w');
    expect(runCli(['init', dir, '--lang', 'fr']).status).toBe(0);
    const logigramme = readSchema(path.join(dir, 'schemas'), 'logigramme.schema.json');
    expect(offered(props(actionNode(logigramme)).actor!).ids).toEqual(['medecin-generaliste', 'laboratoire']);
    expect(props(actionNode(logigramme)).label!.description).toMatch(/^Libellé du nœud/);
  });

  it('speaks French: what it created, and why it refuses to overwrite', () => {
    const dir = path.join(tempDir(), 'w');
    const first = runCli(['init', dir, '--lang', 'fr']);
    expect(first.stdout).toContain(`  créé : ${path.join(dir, 'pyramide.yaml')}`);
    expect(first.stdout).toContain(`✔ espace de travail prêt dans ${dir} : lancez \`cd ${dir} && logi lint\``);
    const again = runCli(['init', dir, '--lang', 'fr']);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain(`${dir} contient déjà `);
    expect(again.stderr).toContain('choisissez un dossier vide, ou ajoutez --force pour écraser ces fichiers');
  });
});
