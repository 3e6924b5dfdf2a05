import type { z } from 'zod';
import { ActorsDocument } from './actors.js';
import { LogigrammeDocument } from './logigramme.js';
import { ProgramDocument } from './program.js';
import { PyramidDocument } from './pyramid.js';
import { ScenarioDocument } from './scenario.js';
import { TerritoryDocument } from './territory.js';

export * from './actors.js';
export * from './common.js';
export * from './config.js';
export * from './logigramme.js';
export * from './program.js';
export * from './pyramid.js';
export * from './scenario.js';
export * from './territory.js';

/** Every document kind and its schema, in the order the docs present them. */
export const KIND_SCHEMAS = {
  Pyramid: PyramidDocument,
  Logigramme: LogigrammeDocument,
  Actors: ActorsDocument,
  Territory: TerritoryDocument,
  Program: ProgramDocument,
  Scenario: ScenarioDocument,
} as const satisfies Record<string, z.ZodType>;

export type Kind = keyof typeof KIND_SCHEMAS;
export const KINDS = Object.keys(KIND_SCHEMAS) as Kind[];

export interface DocumentByKind {
  Pyramid: PyramidDocument;
  Logigramme: LogigrammeDocument;
  Actors: ActorsDocument;
  Territory: TerritoryDocument;
  Program: ProgramDocument;
  Scenario: ScenarioDocument;
}

export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(KIND_SCHEMAS, value);
}
