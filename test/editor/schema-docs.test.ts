/**
 * Every key of every JSON Schema logi writes is documented: a description in French and in
 * English (different texts), and at least one example that the key's own schema accepts. The
 * schemas are walked here with a walker of this test's own, over every keyword that holds a
 * subschema, so that a property the generator's walker misses is still found.
 */
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateJsonSchemas, generateWorkspaceSchemas, serializeSchema } from '../../src/language/jsonschema.js';
import { loadWorkspace } from '../../src/language/workspace.js';
import { simulationOutputSchemas } from '../../src/sim/schemas.js';
import { REPO } from '../helpers/cli.js';

type Schema = Record<string, unknown>;

interface Key {
  /** JSON pointer from the schema's root. */
  pointer: string;
  schema: Schema;
}

const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);
const escape = (name: string) => name.replaceAll('~', '~0').replaceAll('/', '~1');

/** Every property (a key of `properties`) and every object entry of a map or list, anywhere in `schema`. */
function keysOf(schema: Schema, pointer = '#', out: Key[] = []): Key[] {
  for (const [keyword, value] of Object.entries(schema)) {
    if (keyword === 'properties' && isObject(value)) {
      for (const [name, property] of Object.entries(value)) {
        if (!isObject(property)) continue;
        const at = `${pointer}/properties/${escape(name)}`;
        out.push({ pointer: at, schema: property });
        keysOf(property, at, out);
      }
    } else if (['anyOf', 'oneOf', 'allOf', 'items'].includes(keyword) && Array.isArray(value)) {
      value.forEach((sub, i) => isObject(sub) && keysOf(sub, `${pointer}/${keyword}/${i}`, out));
    } else if (['additionalProperties', 'items', 'then', 'else', 'if', 'not', 'propertyNames'].includes(keyword) && isObject(value)) {
      const at = `${pointer}/${keyword}`;
      // An entry that is an object (a node, an actor, a source…) is a key too: editors show it on hover.
      if ((keyword === 'additionalProperties' || keyword === 'items') && value.type === 'object') out.push({ pointer: at, schema: value });
      keysOf(value, at, out);
    }
  }
  return out;
}

/** The keys a person writes: the conditions of an `if` only select a node's variant. */
const written = (keys: Key[]) => keys.filter((k) => !k.pointer.includes('/if/'));

function undocumented(schema: Schema): string[] {
  return written(keysOf(schema)).flatMap(({ pointer, schema: key }) => {
    const problems: string[] = [];
    if (typeof key.description !== 'string' || key.description.trim().length < 10) problems.push(`${pointer}: no description`);
    if (!Array.isArray(key.examples) || key.examples.length === 0) problems.push(`${pointer}: no example`);
    return problems;
  });
}

/**
 * Examples that their own key's schema refuses, resolved in the whole schema (so that `$ref`s
 * resolve); only the keys whose examples differ from those of `except` when it is given.
 */
function refusedExamples(schema: Schema, name: string, except?: Schema): string[] {
  const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: false });
  ajv.addSchema(schema, name);
  const known = new Map(except ? written(keysOf(except)).map((k) => [k.pointer, JSON.stringify(k.schema.examples)]) : []);
  const checked = written(keysOf(schema)).filter((k) => known.get(k.pointer) !== JSON.stringify(k.schema.examples));
  return checked.flatMap(({ pointer, schema: key }) => {
    const validate = ajv.getSchema(`${name}${pointer}`);
    if (!validate) return [`${pointer}: not found by ajv`];
    return ((key.examples ?? []) as unknown[]).filter((example) => !validate(example)).map((example) => `${pointer}: ${JSON.stringify(example)} ${ajv.errorsText(validate.errors)}`);
  });
}

const FR = generateJsonSchemas('fr');
const EN = generateJsonSchemas('en');

describe('the documentation of every key', () => {
  it('covers the eleven kinds of input, in both languages', () => {
    expect(FR.map((s) => s.kind)).toEqual(['Pyramid', 'Logigramme', 'Actors', 'Territory', 'Program', 'Scenario', 'Targets', 'Calibration', 'ParameterSet', 'PathwayTest', 'Config']);
    expect(EN.map((s) => s.kind)).toEqual(FR.map((s) => s.kind));
  });

  it.each(FR.map((s, i) => [s.kind, s.schema, EN[i]!.schema] as const))('%s: every key has a description and an example, in French and in English', (_kind, fr, en) => {
    expect(undocumented(fr)).toEqual([]);
    expect(undocumented(en)).toEqual([]);
    const frKeys = written(keysOf(fr));
    const enKeys = new Map(written(keysOf(en)).map((k) => [k.pointer, k.schema]));
    expect([...enKeys.keys()]).toEqual(frKeys.map((k) => k.pointer));
    const untranslated = frKeys.filter((k) => k.schema.description === enKeys.get(k.pointer)?.description).map((k) => k.pointer);
    expect(untranslated).toEqual([]);
  });

  it.each(FR.map((s) => [s.kind, s.schema] as const))("%s: every example is accepted by its key's schema", (kind, schema) => {
    expect(refusedExamples(schema, kind)).toEqual([]);
  });

  it('documents the keys the issue found bare: label, type, branches, when', () => {
    const logigramme = (lang: typeof FR) => lang.find((s) => s.kind === 'Logigramme')!.schema as Schema;
    const node = (lang: typeof FR) => ((logigramme(lang).properties as Schema).nodes as Schema).additionalProperties as Schema;
    const props = (lang: typeof FR) => node(lang).properties as Record<string, Schema>;
    expect(props(FR).label!.description).toMatch(/^Libellé du nœud/);
    expect(props(EN).label!.description).toMatch(/^Label of the node/);
    expect(props(FR).type!.description).toMatch(/`start`.*`action`.*`decision`.*`refer`.*`end`/);
    const decision = (node(FR).allOf as Schema[]).map((a) => a.then as Schema).find((v) => (v.properties as Record<string, Schema>).type!.const === 'decision')!;
    const branches = (decision.properties as Record<string, Schema>).branches!;
    expect(branches.description).toMatch(/branches de la décision/);
    const when = ((branches.items as Schema).properties as Record<string, Schema>).when!;
    expect(when.description).toMatch(/Condition de la branche/);
  });

  it('gives the node type an enum of the five types, and each variant a title of its own', () => {
    for (const [lang, schemas] of [['fr', FR], ['en', EN]] as const) {
      const node = (((schemas.find((s) => s.kind === 'Logigramme')!.schema as Schema).properties as Schema).nodes as Schema).additionalProperties as Schema;
      const type = (node.properties as Record<string, Schema>).type!;
      expect(type.enum).toEqual(['start', 'action', 'decision', 'refer', 'end']);
      expect(type.errorMessage).toMatch(lang === 'fr' ? /^le type d'un nœud est l'un de : start, action, decision, refer, end$/ : /^a node's type is one of: start, action, decision, refer, end$/);
      const titles = (node.allOf as Schema[]).map((a) => (a.then as Schema).title);
      expect(new Set(titles).size).toBe(5);
      expect(node.oneOf).toBeUndefined();
      expect((node.defaultSnippets as unknown[]).length).toBe(5);
    }
  });
});

describe('the schemas of a workspace (logi schema --workspace)', () => {
  it('keep every key documented, and the examples they change accepted, for the bundled guidelines and simulations', async () => {
    const workspace = await loadWorkspace({ cwd: REPO });
    for (const [lang, generic] of [['fr', FR], ['en', EN]] as const) {
      for (const { kind, schema } of generateWorkspaceSchemas(workspace, lang).schemas) {
        expect(undocumented(schema), `${kind} ${lang}`).toEqual([]);
        // Examples do not depend on the language: the French ones are checked, where the workspace changed them.
        if (lang === 'fr') expect(refusedExamples(schema, `${kind}-${lang}`, generic.find((g) => g.kind === kind)!.schema), kind).toEqual([]);
      }
    }
  });
});

describe('docs/schemas', () => {
  it('docs/schemas/fr holds the French schemas (run `logi schema --lang fr --out docs/schemas/fr` after a change)', () => {
    for (const schema of [...FR, ...simulationOutputSchemas()]) {
      const committed = readFileSync(path.join(REPO, 'docs/schemas/fr', schema.fileName), 'utf8');
      expect(committed, schema.fileName).toBe(serializeSchema(schema));
    }
  });

  it('docs/schemas holds the English schemas (run `logi schema --lang en --out docs/schemas` after a change)', () => {
    for (const schema of [...EN, ...simulationOutputSchemas()]) {
      const committed = readFileSync(path.join(REPO, 'docs/schemas', schema.fileName), 'utf8');
      expect(committed, schema.fileName).toBe(serializeSchema(schema));
    }
  });
});
