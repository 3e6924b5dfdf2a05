/**
 * The national example (issue 17): a workspace of N synthetic territories built from the five
 * pioneer territories, for the benchmark and the tests at national scale (docs/national.md).
 *
 * Pure: it takes the bundled files' texts (by path relative to the repository, `/` separators) and
 * returns the generated workspace's files; reading and writing them is src/national/files.ts.
 *
 * Territory k (k = 1 … N) copies pioneer number (k − 1) mod P (the P pioneers sorted by id) with its
 * population, counts and workforce multiplied by the factor f(k) (`scaleFactor`); its id is
 * `<pioneer id>-<k>`. Every figure it carries is synthetic, and its `source` and `note` say so.
 */
import { Document, isMap, isScalar, isSeq, parse, visit } from 'yaml';
import { formatNumber } from '../i18n/numbers.js';
import { byCodePoint } from '../language/order.js';

/** The fractional step of the Weyl sequence u(k) = frac(k × STEP): (√5 − 1) / 2 as a double. */
export const WEYL_STEP = 0.6180339887498949;
/** The factors lie between FACTOR_MIN and 10 × FACTOR_MIN (one decade, log-uniform). */
export const FACTOR_MIN = 0.3;
/** Factors are rounded to this many decimals, so that every scaled figure is exact integer arithmetic. */
const FACTOR_DECIMALS = 4;
const FACTOR_DENOMINATOR = 10 ** FACTOR_DECIMALS;

/** The two bundled scenarios the national workspace restates over its N territories. */
export const NATIONAL_SCENARIOS = [
  { from: 'simulations/pionniers-dt2.yaml', file: 'simulations/national-dt2.yaml', id: 'national-dt2' },
  { from: 'simulations/pionniers-ic.yaml', file: 'simulations/national-ic.yaml', id: 'national-ic' },
] as const;

const PIONEER_DIR = 'simulations/territories/';
const GENERATED_NOTE_SOURCE = 'synthetique-logi';
/** Lines about as wide as the pioneers' files; `[a, b]`, not `[ a, b ]`. */
const YAML_OPTIONS = { lineWidth: 100, flowCollectionPadding: false } as const;

export interface GeneratedFile {
  /** Path relative to the workspace folder, `/` separators. */
  path: string;
  text: string;
}

export interface SyntheticTerritory {
  id: string;
  /** 1 … N. */
  k: number;
  pioneer: string;
  factor: number;
}

export interface NationalWorkspace {
  /** Every file of the workspace, sorted by path. */
  files: GeneratedFile[];
  territories: SyntheticTerritory[];
  scenarios: string[];
}

/**
 * Whether a bundled file (path relative to the repository) goes into the national workspace:
 * the guidelines, the programs, the two scenarios, the pioneer territories (read, then scaled) and
 * the calibrated parameter sets with their posterior samples (the scenarios cite them in
 * `parameter-sets`). Not the Calibration and Targets documents, nor the pathway tests
 * (`*.test.yaml`, docs/testing.md): they name the pioneers' scenarios.
 */
export function isNationalInput(relative: string): boolean {
  if (relative.startsWith('guidelines/')) return relative.endsWith('.yaml') && !relative.endsWith('.test.yaml');
  if (/^simulations\/(programs|territories)\/[^/]+\.yaml$/.test(relative)) return true;
  if (/^simulations\/calibration\/[^/]+\/(point\.yaml|posterior\.csv)$/.test(relative)) return true;
  return NATIONAL_SCENARIOS.some((scenario) => scenario.from === relative);
}

/**
 * f(k) = round(FACTOR_MIN × 10^u(k), 4 decimals), u(k) = frac(k × WEYL_STEP) computed in doubles:
 * a deterministic, evenly spread (low-discrepancy) sequence, log-uniform over [0.3, 3].
 */
export function scaleFactor(k: number): number {
  const u = (k * WEYL_STEP) % 1;
  return Math.round(FACTOR_MIN * 10 ** u * FACTOR_DENOMINATOR) / FACTOR_DENOMINATOR;
}

/** round(n × factor), halves up, in exact integer arithmetic (n a whole number, factor with 4 decimals). */
export function scaleWhole(n: number, factor: number): number {
  const numerator = BigInt(n) * BigInt(Math.round(factor * FACTOR_DENOMINATOR));
  const denominator = BigInt(FACTOR_DENOMINATOR);
  return Number((numerator + denominator / 2n) / denominator);
}

/** A workforce in FTE, scaled to one decimal: scaleWhole of its tenths, over ten. */
export function scaleFte(fte: number, factor: number): number {
  return scaleWhole(Math.round(fte * 10), factor) / 10;
}

/** The national workspace of `territories` synthetic territories, from the bundled files' texts. */
export function buildNationalWorkspace(bundled: ReadonlyMap<string, string>, territories: number): NationalWorkspace {
  if (!Number.isInteger(territories) || territories < 1) throw new RangeError(`territories must be a whole number ≥ 1, not ${territories}`);
  const pioneers = [...bundled.keys()]
    .filter((file) => file.startsWith(PIONEER_DIR))
    .sort(byCodePoint)
    .map((file) => parse(bundled.get(file)!) as PioneerTerritory);
  if (pioneers.length === 0) throw new Error(`no pioneer territory under ${PIONEER_DIR}`);
  pioneers.sort((a, b) => byCodePoint(a.id, b.id));
  const synthetic: SyntheticTerritory[] = [];
  const files: GeneratedFile[] = [{ path: 'logi.config.yaml', text: CONFIG_TEXT }];
  for (let k = 1; k <= territories; k++) {
    const pioneer = pioneers[(k - 1) % pioneers.length]!;
    const territory: SyntheticTerritory = { id: `${pioneer.id}-${k}`, k, pioneer: pioneer.id, factor: scaleFactor(k) };
    synthetic.push(territory);
    files.push({ path: `${PIONEER_DIR}${territory.id}.yaml`, text: syntheticTerritoryText(pioneer, territory) });
  }
  const ids = synthetic.map((territory) => territory.id);
  for (const scenario of NATIONAL_SCENARIOS) {
    const text = bundled.get(scenario.from);
    if (text === undefined) throw new Error(`missing bundled scenario ${scenario.from}`);
    files.push({ path: scenario.file, text: nationalScenarioText(text, scenario.id, ids) });
  }
  for (const [file, text] of bundled) {
    if (isNationalInput(file) && !file.startsWith(PIONEER_DIR) && !NATIONAL_SCENARIOS.some((s) => s.from === file)) files.push({ path: file, text });
  }
  files.sort((a, b) => byCodePoint(a.path, b.path));
  return { files, territories: synthetic, scenarios: NATIONAL_SCENARIOS.map((s) => s.id) };
}

const CONFIG_TEXT = `# Espace de travail SYNTHÉTIQUE « national » écrit par scripts/national-workspace.mjs (docs/national.md) :
# territoires fictifs, copies des cinq territoires pionniers aux effectifs multipliés par un facteur.
# Pour le banc d'essai et les tests à l'échelle nationale ; aucune donnée observée.
include:
  - guidelines
  - simulations
`;

/** What the generator reads of a pioneer territory (the rest of the document is not copied). */
export interface PioneerTerritory {
  id: string;
  title: string;
  population: number;
  pyramids?: Record<string, { counts?: Record<string, number>; multipliers?: Record<string, unknown> }>;
  workforce?: Record<string, { fte: number }>;
}

/** The YAML text of one synthetic territory: the pioneer's figures × the factor, every one citing the synthetic source. */
export function syntheticTerritoryText(pioneer: PioneerTerritory, territory: SyntheticTerritory): string {
  const factor = territory.factor;
  const factorFr = formatNumber(factor, 'fr', 5);
  const origin = `${pioneer.id} (simulations/territories/${pioneer.id}.yaml du dépôt logi)`;
  const pyramids: Record<string, unknown> = {};
  for (const [pyramid, entry] of Object.entries(pioneer.pyramids ?? {})) {
    const counts = Object.fromEntries(Object.entries(entry.counts ?? {}).map(([stratum, n]) => [stratum, scaleWhole(n, factor)]));
    const copied = entry.multipliers === undefined ? '' : ` Multiplicateurs repris tels quels de ${pioneer.id}.`;
    pyramids[pyramid] = {
      counts,
      source: [GENERATED_NOTE_SOURCE],
      note: `Synthétique : effectifs de ${origin} × ${factorFr}, arrondis à l'unité (moitiés vers le haut). Territoire fictif, aucune donnée observée.${copied}`,
      ...(entry.multipliers === undefined ? {} : { multipliers: entry.multipliers }),
    };
  }
  const workforce = Object.fromEntries(
    Object.entries(pioneer.workforce ?? {}).map(([actor, entry]) => [
      actor,
      { fte: scaleFte(entry.fte, factor), source: [GENERATED_NOTE_SOURCE], note: `Synthétique : ETP de ${pioneer.id} × ${factorFr}, arrondis au dixième.` },
    ]),
  );
  const document = new Document({
    kind: 'Territory',
    version: 1,
    id: territory.id,
    title: `Territoire synthétique n° ${territory.k} (${pioneer.title} × ${factorFr})`,
    population: scaleWhole(pioneer.population, factor),
    'population-source': [GENERATED_NOTE_SOURCE],
    pyramids,
    workforce,
    sources: {
      [GENERATED_NOTE_SOURCE]: {
        title: 'Territoire synthétique de logi (docs/national.md) : copie mise à l’échelle d’un territoire pionnier',
        type: 'illustrative',
        note: `Chiffres fictifs : population, effectifs et ETP de ${origin} multipliés par ${factorFr} (facteur déterministe f(${territory.k}), docs/national.md). Pour le banc d'essai et les tests seulement.`,
      },
    },
  });
  document.commentBefore = ` Territoire SYNTHÉTIQUE n° ${territory.k} : copie de ${pioneer.id} × ${factorFr}, chiffres fictifs (docs/national.md).`;
  // Short maps and lists on one line, as the pioneers write them: `counts: { S0: …, S1: … }`.
  visit(document, {
    Pair(_key, pair) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if ((key === 'counts' || key === 'population-source' || key === 'source' || key === 'ci95') && (isMap(pair.value) || isSeq(pair.value))) pair.value.flow = true;
    },
  });
  return document.toString(YAML_OPTIONS);
}

/** A bundled scenario restated over the national territories, under a new id; the rest as bundled. */
export function nationalScenarioText(bundledText: string, id: string, territories: readonly string[]): string {
  const scenario = parse(bundledText) as Record<string, unknown>;
  const restated = {
    ...scenario,
    id,
    title: `${String(scenario.title)} — ${territories.length} territoires SYNTHÉTIQUES`,
    description: `Le scénario ${String(scenario.id)} du dépôt logi sur ${territories.length} territoires synthétiques (copies mises à l'échelle des pionniers, docs/national.md) au lieu des pionniers : mêmes programmes, paramètres étalonnés, horizon, itérations et graine.`,
    territories: [...territories],
  };
  const document = new Document(restated);
  document.commentBefore = ` Scénario SYNTHÉTIQUE écrit par scripts/national-workspace.mjs (docs/national.md).`;
  return document.toString(YAML_OPTIONS);
}
