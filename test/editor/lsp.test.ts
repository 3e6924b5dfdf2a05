/**
 * The editor, for real: the yaml-language-server that VS Code's YAML extension runs, driven over
 * LSP (stdio) on a workspace made by `logi init --lang fr`, whose files point at the workspace
 * schemas by their `# yaml-language-server: $schema=` modeline. It must complete keys with their
 * descriptions, complete the workspace's actor ids, and report a mistyped node `type` once,
 * naming the five types. Never skipped: yaml-language-server is a dev dependency, and a server
 * that does not start fails the test.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { documentationText, LspClient, type CompletionItem } from './lsp-client.js';

const SERVER = path.join(path.dirname(createRequire(import.meta.url).resolve('yaml-language-server/package.json')), 'bin', 'yaml-language-server');
const SETTINGS = { yaml: { validate: true, completion: true, hover: true, schemaStore: { enable: false } } };
const LOGIGRAMME = 'logigrammes/s1-depistage.yaml';

let dir: string;
let client: LspClient;
let probes = 0;

/** Opens `text` as a new file beside `relative` (so that its modeline finds ./schemas the same way). */
function openBeside(relative: string, text: string): string {
  probes += 1;
  const uri = pathToFileURL(path.join(dir, path.dirname(relative), `essai-${probes}.yaml`)).href;
  client.open(uri, text);
  return uri;
}

function templateLines(relative: string): string[] {
  return readFileSync(path.join(dir, relative), 'utf8').split('\n');
}

/** The line index of the first line equal to `line`, after `after` when given. */
function lineOf(lines: readonly string[], line: string, after = -1): number {
  const index = lines.findIndex((l, i) => i > after && l === line);
  expect(index, `line ${JSON.stringify(line)}`).toBeGreaterThanOrEqual(0);
  return index;
}

function byLabel(items: readonly CompletionItem[], label: string): CompletionItem {
  const item = items.find((i) => i.label === label);
  expect(item, `completion item ${label} among ${items.map((i) => i.label).join(', ')}`).toBeDefined();
  return item!;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'logi-lsp-'));
  const init = runCli(['init', dir, '--lang', 'fr']);
  expect(init.status, init.stderr).toBe(0);
  client = new LspClient(SERVER, SETTINGS);
  await client.initialize(pathToFileURL(dir).href);
}, 30_000);

afterAll(async () => {
  await client?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('yaml-language-server on a workspace made by logi init', () => {
  it('accepts every file of the scaffold: no diagnostic at all', async () => {
    for (const relative of [LOGIGRAMME, 'pyramide.yaml', 'acteurs.yaml', 'territoire.yaml', 'programmes.yaml', 'scenario.yaml', 'logi.config.yaml']) {
      const uri = openBeside(relative, templateLines(relative).join('\n'));
      // The server publishes once it has validated, an empty list when all is well.
      expect(await client.waitForDiagnostics(uri), relative).toEqual([]);
    }
  });

  it('completes the keys of a new node with their descriptions, and offers the five kinds of node by name', async () => {
    const lines = templateLines(LOGIGRAMME);
    const at = lineOf(lines, 'sources:');
    const text = [...lines.slice(0, at), '  nouveau:', '    ', ...lines.slice(at)].join('\n');
    const items = await client.completion(openBeside(LOGIGRAMME, text), at + 1, 4);
    expect(documentationText(byLabel(items, 'label'))).toMatch(/^Libellé du nœud, ce que montre le diagramme/);
    const typeDoc = documentationText(byLabel(items, 'type'));
    for (const type of ['start', 'action', 'decision', 'refer', 'end']) expect(typeDoc).toContain(`\`${type}\``);
    // Five snippets with five different names: not five identical "object(…)".
    const kinds = ['nœud de départ (start)', 'nœud action', 'nœud décision', 'nœud orientation (refer)', 'nœud de fin (end)'];
    for (const kind of kinds) expect(byLabel(items, kind).insertText).toMatch(/^type: (start|action|decision|refer|end)\n/);
    expect(items.filter((i) => i.label.startsWith('object('))).toEqual([]);
  });

  it('completes the keys of a typed node: a decision offers branches and variable, described', async () => {
    const lines = templateLines(LOGIGRAMME);
    const at = lineOf(lines, 'sources:');
    const text = [...lines.slice(0, at), '  question:', '    type: decision', '    ', ...lines.slice(at)].join('\n');
    const items = await client.completion(openBeside(LOGIGRAMME, text), at + 2, 4);
    expect(documentationText(byLabel(items, 'branches'))).toMatch(/^Les branches de la décision/);
    expect(documentationText(byLabel(items, 'variable'))).toMatch(/^La variable clinique/);
    expect(documentationText(byLabel(items, 'label'))).toMatch(/^Libellé du nœud/);
    // Keys of other types are not offered: `actor` belongs to actions.
    expect(items.map((i) => i.label)).not.toContain('actor');
  });

  it("completes a node's actor with the workspace's actor ids, described by their titles", async () => {
    const lines = templateLines(LOGIGRAMME);
    const at = lineOf(lines, '    actor: laboratoire');
    const text = lines.map((l, i) => (i === at ? '    actor: ' : l)).join('\n');
    const items = await client.completion(openBeside(LOGIGRAMME, text), at, '    actor: '.length);
    // templates/init/acteurs.yaml defines these two actors.
    expect(documentationText(byLabel(items, 'medecin-generaliste'))).toContain('Médecin généraliste');
    expect(documentationText(byLabel(items, 'laboratoire'))).toContain('Laboratoire de biologie');
  });

  it("completes the logigramme's stratum with the pyramid's strata", async () => {
    const lines = templateLines(LOGIGRAMME);
    const at = lineOf(lines, 'stratum: S1');
    const text = lines.map((l, i) => (i === at ? 'stratum: ' : l)).join('\n');
    const items = await client.completion(openBeside(LOGIGRAMME, text), at, 'stratum: '.length);
    // templates/init/pyramide.yaml: S0 Population générale, S1 À risque de diabète, S2 Diabète de type 2.
    expect(documentationText(byLabel(items, 'S1'))).toContain('À risque de diabète');
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(['S0', 'S1', 'S2']));
  });

  it('reports an accented actor once, saying what an id is (an actor not yet in the schemas is no error)', async () => {
    const lines = templateLines(LOGIGRAMME);
    const at = lineOf(lines, '    actor: laboratoire');
    const accented = await client.waitForDiagnostics(
      openBeside(LOGIGRAMME, lines.map((l, i) => (i === at ? '    actor: médecin' : l)).join('\n')),
      (d) => d.length > 0,
    );
    expect(accented.map((d) => [d.range.start.line, d.message])).toEqual([[at, expect.stringMatching(/identifiant.*sans accent/)]]);
    const unknown = await client.waitForDiagnostics(openBeside(LOGIGRAMME, lines.map((l, i) => (i === at ? '    actor: infirmiere' : l)).join('\n')));
    expect(unknown).toEqual([]);
  });

  it('reports `type: decisoin` once, on its line, naming all five types', async () => {
    const lines = templateLines(LOGIGRAMME);
    const at = lineOf(lines, '    type: decision');
    const text = lines.map((l, i) => (i === at ? '    type: decisoin' : l)).join('\n');
    const diagnostics = await client.waitForDiagnostics(openBeside(LOGIGRAMME, text), (d) => d.length > 0);
    expect(diagnostics, JSON.stringify(diagnostics)).toHaveLength(1);
    const [only] = diagnostics;
    expect(only!.range.start).toEqual({ line: at, character: '    type: '.length });
    expect(only!.range.end).toEqual({ line: at, character: '    type: decisoin'.length });
    expect(only!.message).toMatch(/start, action, decision, refer, end/);
  });
});
