/** JSON Schemas generated from the zod schemas: one per kind, for editors (yaml-language-server). */
import { z } from 'zod';
import { ConfigDocument } from './schemas/config.js';
import { KIND_SCHEMAS, KINDS, type Kind } from './schemas/index.js';

export interface GeneratedSchema {
  /** File name, e.g. `logigramme.schema.json`. */
  fileName: string;
  kind: Kind | 'Config' | 'Results';
  schema: Record<string, unknown>;
}

export function schemaFileName(kind: Kind | 'Config'): string {
  return `${kind === 'Config' ? 'logi.config' : kind.toLowerCase()}.schema.json`;
}

const TITLES: Record<Kind | 'Config', string> = {
  Pyramid: 'logi Pyramid: the strata of a population and their natural history',
  Logigramme: 'logi Logigramme: a clinical decision flowchart for one stratum',
  Actors: 'logi Actors: professions, minutes and cost per act, FTE',
  Territory: 'logi Territory: population and counts per stratum',
  Program: 'logi Program: logigramme and coverage per stratum',
  Scenario: 'logi Scenario: what to simulate',
  Config: 'logi workspace configuration (logi.config.yaml)',
};

function generate(kind: Kind | 'Config', schema: z.ZodType): GeneratedSchema {
  // `io: 'input'` so that keys with defaults are optional, as the author writes them.
  const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    fileName: schemaFileName(kind),
    kind,
    schema: { ...json, title: TITLES[kind] },
  };
}

/** Every schema, in a stable order, ready to be written as JSON. */
export function generateJsonSchemas(): GeneratedSchema[] {
  return [...KINDS.map((kind) => generate(kind, KIND_SCHEMAS[kind] as unknown as z.ZodType)), generate('Config', ConfigDocument)];
}

/**
 * Output schemas documented beside the input ones: `results.json` of `logi simulate`. Generated
 * from the zod schema the code itself builds its results against.
 */
export function generateOutputSchemas(outputs: { kind: string; fileName: string; title: string; schema: z.ZodType }[]): GeneratedSchema[] {
  return outputs.map((o) => ({
    fileName: o.fileName,
    kind: o.kind as GeneratedSchema['kind'],
    schema: { ...(z.toJSONSchema(o.schema, { target: 'draft-7', io: 'output', unrepresentable: 'any' }) as Record<string, unknown>), title: o.title },
  }));
}

export function serializeSchema(schema: GeneratedSchema): string {
  return `${JSON.stringify(schema.schema, null, 2)}\n`;
}
