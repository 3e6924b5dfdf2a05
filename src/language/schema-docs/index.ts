/** The documentation of every kind's keys, and how a path finds its entry. */
import type { Kind } from '../schemas/index.js';
import { ACTORS_DOCS } from './actors.js';
import { CALIBRATION_DOCS } from './calibration.js';
import { COMMON_DOCS } from './common.js';
import { CONFIG_DOCS } from './config.js';
import { LOGIGRAMME_DOCS } from './logigramme.js';
import { PARAMETER_SET_DOCS } from './parameter-set.js';
import { PATHWAY_TEST_DOCS } from './pathway-test.js';
import { PROGRAM_DOCS } from './program.js';
import { PYRAMID_DOCS } from './pyramid.js';
import { SCENARIO_DOCS } from './scenario.js';
import { TARGETS_DOCS } from './targets.js';
import { TERRITORY_DOCS } from './territory.js';
import type { Bilingual, KeyDoc, KeyDocs } from './types.js';

export { FORM_TITLES } from './common.js';
export { NODE_TITLE, NODE_VARIANTS, type NodeType } from './logigramme.js';
export type { Bilingual, KeyDoc, KeyDocs } from './types.js';

export type SchemaKind = Kind | 'Config';

export const DOCS_BY_KIND: Readonly<Record<SchemaKind, KeyDocs>> = {
  Pyramid: PYRAMID_DOCS,
  Logigramme: LOGIGRAMME_DOCS,
  Actors: ACTORS_DOCS,
  Territory: TERRITORY_DOCS,
  Program: PROGRAM_DOCS,
  Scenario: SCENARIO_DOCS,
  Targets: TARGETS_DOCS,
  Calibration: CALIBRATION_DOCS,
  ParameterSet: PARAMETER_SET_DOCS,
  PathwayTest: PATHWAY_TEST_DOCS,
  Config: CONFIG_DOCS,
};

/** The title of each schema: what a file of that kind holds. */
export const KIND_TITLES: Readonly<Record<SchemaKind, Bilingual>> = {
  Pyramid: { fr: "logi Pyramid : les strates d'une population et leur histoire naturelle", en: 'logi Pyramid: the strata of a population and their natural history' },
  Logigramme: { fr: 'logi Logigramme : un logigramme de décision clinique pour une strate', en: 'logi Logigramme: a clinical decision flowchart for one stratum' },
  Actors: { fr: 'logi Actors : professions, minutes et coût par acte, ETP', en: 'logi Actors: professions, minutes and cost per act, FTE' },
  Territory: { fr: 'logi Territory : population et effectifs par strate', en: 'logi Territory: population and counts per stratum' },
  Program: { fr: 'logi Program : logigramme et couverture par strate', en: 'logi Program: logigramme and coverage per stratum' },
  Scenario: { fr: "logi Scenario : ce qu'il faut simuler", en: 'logi Scenario: what to simulate' },
  Targets: { fr: "logi Targets : des valeurs observées, pour étalonner et valider le modèle", en: 'logi Targets: observed values, to calibrate and validate the model' },
  Calibration: { fr: 'logi Calibration : les paramètres libres, leurs lois a priori et les cibles à atteindre', en: 'logi Calibration: the free parameters, their priors and the targets to fit' },
  ParameterSet: { fr: 'logi ParameterSet : des valeurs qui remplacent celles des fichiers pour un scénario', en: "logi ParameterSet: values that replace the files' values for a scenario" },
  PathwayTest: { fr: 'logi PathwayTest : des tests des chemins, des flux et des résultats des logigrammes', en: 'logi PathwayTest: tests of the paths, flows and outcomes of logigrammes' },
  Config: { fr: "configuration d'un espace de travail logi (logi.config.yaml)", en: 'logi workspace configuration (logi.config.yaml)' },
};

/**
 * The documentation of the key at `path` in a document of `kind`: the longest suffix of the path
 * that the kind documents, else that the shared keys document (sources, citations,
 * distributions). logi.config.yaml shares none of them.
 */
export function keyDoc(kind: SchemaKind, path: readonly string[]): KeyDoc | undefined {
  const own = DOCS_BY_KIND[kind];
  for (let start = 0; start < path.length; start++) {
    const suffix = path.slice(start).join('.');
    const found = ownEntry(own, suffix) ?? (kind === 'Config' ? undefined : ownEntry(COMMON_DOCS, suffix));
    if (found) return found;
  }
  return undefined;
}

function ownEntry(docs: KeyDocs, path: string): KeyDoc | undefined {
  return Object.hasOwn(docs, path) ? docs[path] : undefined;
}
