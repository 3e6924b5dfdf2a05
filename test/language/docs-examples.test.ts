/**
 * Every complete YAML example in docs/language.md is a valid document, and together they form a
 * workspace that lints clean. Every key of every kind is documented there, and written in one of
 * those examples (a few older keys are shown only in the tables).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writePosteriors } from '../helpers/posteriors.js';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/engine.js';
import { ConfigDocument, KIND_SCHEMAS } from '../../src/language/schemas/index.js';
import { validateDocument } from '../../src/language/validate.js';
import { REPO } from '../helpers/cli.js';

const markdown = readFileSync(path.join(REPO, 'docs/language.md'), 'utf8');
// Every word written in `code` in the prose and tables (not in the examples).
const codeWords = new Set(
  [...markdown.replace(/```[\s\S]*?```/g, '').matchAll(/`([^`\n]+)`/g)].flatMap((m) => m[1]!.split(/[^A-Za-z0-9-]+/)).filter(Boolean),
);
/**
 * Keys shown in the prose and tables of docs/language.md but in no complete example: the forms
 * `normal` and `uniform` (the distributions table), a beta's `alpha` (with its `beta`), a source's
 * `authors` and `doi`, and the bounds `lt`, `gte`, `in`, `between` of a condition (the conditions
 * table). Any other key, such as those of program dynamics, must appear in an example.
 */
const ONLY_IN_TABLES = new Set(['normal', 'uniform', 'alpha', 'authors', 'doi', 'lt', 'gte', 'in', 'between']);

/** The names of every key of a zod schema, at any depth (the walk of 'documents every key'). */
function keyNames(schema: z.core.$ZodType, out = new Set<string>(), depth = 0): Set<string> {
  if (depth > 8) return out;
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  if (def.type === 'object') {
    for (const [key, child] of Object.entries(def.shape as Record<string, z.core.$ZodType>)) {
      out.add(key);
      keyNames(child, out, depth + 1);
    }
  } else if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') keyNames(def.innerType as z.core.$ZodType, out, depth + 1);
  else if (def.type === 'pipe') keyNames(def.in as z.core.$ZodType, out, depth + 1);
  else if (def.type === 'union') for (const option of def.options as z.core.$ZodType[]) keyNames(option, out, depth + 1);
  else if (def.type === 'array') keyNames(def.element as z.core.$ZodType, out, depth + 1);
  else if (def.type === 'record') keyNames(def.valueType as z.core.$ZodType, out, depth + 1);
  return out;
}

/** Every key written in a value, at any depth. */
function writtenKeys(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => writtenKeys(item, out));
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      out.add(key);
      writtenKeys(child, out);
    }
  }
  return out;
}

const blocks = [...markdown.matchAll(/(<!-- fragment -->\n)?```yaml\n([\s\S]*?)```/g)].filter((m) => !m[1]).map((m) => m[2]!);

describe('docs/language.md', () => {
  it('has a complete example of every kind', () => {
    const kinds = blocks.flatMap((b) => parseAllDocuments(b).map((d) => (d.toJS() as { kind: string }).kind));
    expect(new Set(kinds)).toEqual(new Set(Object.keys(KIND_SCHEMAS)));
  });

  it.each(blocks.map((b, i) => [i, b] as const))('example %i is a valid document', (_i, block) => {
    for (const doc of parseAllDocuments(block)) {
      expect(doc.errors).toEqual([]);
      const validation = validateDocument(doc.toJS());
      expect(validation.reports).toEqual([]);
    }
  });

  it('the examples together lint clean as a workspace', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-docs-'));
    try {
      writeFileSync(path.join(dir, 'logi.config.yaml'), 'include: [.]\n');
      blocks.forEach((block, i) => writeFileSync(path.join(dir, `example-${i}.yaml`), block));
      blocks.forEach((block) => writePosteriors(dir, block));
      const result = await lint({ cwd: dir });
      expect(result.diagnostics).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('documents every key of every kind', () => {
    const missing: string[] = [];
    const visit = (schema: z.core.$ZodType, where: string, depth: number): void => {
      if (depth > 8) return;
      const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
      switch (def.type) {
        case 'object':
          for (const [key, child] of Object.entries(def.shape as Record<string, z.core.$ZodType>)) {
            if (!codeWords.has(key)) missing.push(`${where}.${key}`);
            visit(child, `${where}.${key}`, depth + 1);
          }
          break;
        case 'optional':
        case 'default':
        case 'nullable':
          visit(def.innerType as z.core.$ZodType, where, depth + 1);
          break;
        case 'pipe':
          visit(def.in as z.core.$ZodType, where, depth + 1);
          break;
        case 'union':
          for (const option of def.options as z.core.$ZodType[]) visit(option, where, depth + 1);
          break;
        case 'array':
          visit(def.element as z.core.$ZodType, `${where}[]`, depth + 1);
          break;
        case 'record':
          visit(def.valueType as z.core.$ZodType, `${where}.*`, depth + 1);
          break;
      }
    };
    for (const [kind, schema] of Object.entries(KIND_SCHEMAS)) visit(schema as unknown as z.core.$ZodType, kind, 0);
    visit(ConfigDocument as unknown as z.core.$ZodType, 'Config', 0);
    expect(missing).toEqual([]);
  });

  it('writes every key of every kind in an example the tests load', () => {
    const written = new Set<string>();
    for (const block of blocks) for (const doc of parseAllDocuments(block)) writtenKeys(doc.toJS(), written);
    const missing = new Set<string>();
    for (const schema of Object.values(KIND_SCHEMAS)) {
      for (const key of keyNames(schema as unknown as z.core.$ZodType)) if (!written.has(key) && !ONLY_IN_TABLES.has(key)) missing.add(key);
    }
    expect([...missing]).toEqual([]);
    // The keys of program dynamics (issue 14), each in a complete example.
    for (const key of ['retention', 'on-transfer', 'costs', 'payer', 'per-year', 'per-enrolled-year', 'duration', 'waning', 'half-life', 'after-exit', 'move-to', 'event', 'by-year', 'trend', 'start', 'annual-change', 'volumes-at']) {
      expect(written, key).toContain(key);
    }
  });
});
