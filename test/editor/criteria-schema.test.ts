/**
 * The criteria language in the generated JSON Schema (for editors): the recursive criterion is a
 * named definition, `#/definitions/criterion`, whose keys are documented in both languages like
 * every other key (the walker of schema-docs.test.ts does not enter definitions), and editors that
 * validate with the schema accept a complete Pyramid and refuse a misspelt key deep in `any`/`not`.
 */
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generateJsonSchemas } from '../../src/language/jsonschema.js';
import { REPO } from '../helpers/cli.js';

type Schema = Record<string, unknown>;
const pyramidSchema = (lang: 'fr' | 'en') => generateJsonSchemas(lang).find((s) => s.kind === 'Pyramid')!.schema as Schema;

/** Every property inside the definitions, with its pointer. */
function definitionProperties(schema: Schema): { pointer: string; node: Schema }[] {
  const out: { pointer: string; node: Schema }[] = [];
  const walk = (node: unknown, pointer: string) => {
    if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${pointer}/${i}`));
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'properties' && value !== null && typeof value === 'object') {
          for (const [name, property] of Object.entries(value)) {
            out.push({ pointer: `${pointer}/properties/${name}`, node: property as Schema });
            walk(property, `${pointer}/properties/${name}`);
          }
        } else if (key !== 'examples') walk(value, `${pointer}/${key}`);
      }
    }
  };
  walk(schema.definitions, '#/definitions');
  return out;
}

describe('the criterion definition of the Pyramid schema', () => {
  it('documents every key in French and in English, differently', () => {
    const fr = definitionProperties(pyramidSchema('fr'));
    const en = new Map(definitionProperties(pyramidSchema('en')).map((p) => [p.pointer, p.node]));
    // 13 criterion keys, their bounds and the keys of their mappings: many more than 13.
    expect(fr.length).toBeGreaterThan(13);
    for (const { pointer, node } of fr) {
      expect(typeof node.description, pointer).toBe('string');
      expect(Array.isArray(node.examples), pointer).toBe(true);
      expect(en.get(pointer)?.description, pointer).not.toBe(node.description);
    }
    expect((pyramidSchema('en').definitions as Schema).criterion).toMatchObject({ description: expect.stringMatching(/^A criterion: one or more criterion keys/) });
  });

  it('accepts the complete criteria fixture and refuses a misspelt key inside any/not', () => {
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(pyramidSchema('en'));
    const valid = parse(readFileSync(path.join(REPO, 'test/fixtures/rules/schema/valid/criteria.yaml'), 'utf8')) as Record<string, unknown>;
    expect(validate(valid), ajv.errorsText(validate.errors)).toBe(true);
    const strata = structuredClone(valid.strata) as Record<string, unknown>[];
    strata[3] = { id: 'S3', title: 'X', criteria: { any: [{ not: { lab: { test: 'egfr', withn: 12, lt: 60 } } }] } };
    expect(validate({ ...valid, strata })).toBe(false);
    expect(validate.errors!.some((e) => e.instancePath === '/strata/3/criteria/any/0/not/lab' && e.keyword === 'additionalProperties' && (e.params as { additionalProperty: string }).additionalProperty === 'withn')).toBe(true);
  });
});
