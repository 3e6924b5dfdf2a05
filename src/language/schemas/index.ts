import type { z } from 'zod';
import { ActorsDocument } from './actors.js';
import { CalibrationDocument } from './calibration.js';
import { LogigrammeDocument } from './logigramme.js';
import { ParameterSetDocument } from './parameter-set.js';
import { PathwayTestDocument } from './pathway-test.js';
import { ProgramDocument } from './program.js';
import { PyramidDocument } from './pyramid.js';
import { ScenarioDocument } from './scenario.js';
import { TargetsDocument } from './targets.js';
import { TerritoryDocument } from './territory.js';

export * from './actors.js';
export * from './calibration.js';
export * from './common.js';
export * from './config.js';
export * from './criteria.js';
export * from './logigramme.js';
export * from './parameter-set.js';
export * from './pathway-test.js';
export * from './program.js';
export * from './pyramid.js';
export * from './scenario.js';
export * from './targets.js';
export * from './territory.js';

/** Every document kind and its schema, in the order the docs present them. */
export const KIND_SCHEMAS = {
  Pyramid: PyramidDocument,
  Logigramme: LogigrammeDocument,
  Actors: ActorsDocument,
  Territory: TerritoryDocument,
  Program: ProgramDocument,
  Scenario: ScenarioDocument,
  Targets: TargetsDocument,
  Calibration: CalibrationDocument,
  ParameterSet: ParameterSetDocument,
  PathwayTest: PathwayTestDocument,
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
  Targets: TargetsDocument;
  Calibration: CalibrationDocument;
  ParameterSet: ParameterSetDocument;
  PathwayTest: PathwayTestDocument;
}

/** The kinds whose documents hold parameters: the first segment of a parameter path names one of them. */
export const PARAMETER_KINDS = ['Pyramid', 'Logigramme', 'Program', 'Territory', 'Actors'] as const satisfies readonly Kind[];
export type ParameterKind = (typeof PARAMETER_KINDS)[number];

export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(KIND_SCHEMAS, value);
}
