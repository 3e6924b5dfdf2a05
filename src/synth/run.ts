/**
 * `logi synth` without the CLI: the territory and its pyramids' criteria read from the workspace
 * (refused as `logi simulate` refuses a workspace that does not lint clean), the population
 * planned and generated (generate.ts), the tables written into DIR as one output set (write.ts).
 */
import type { AssignablePyramid } from '../criteria/evaluate.js';
import { isIsoDate } from '../criteria/dates.js';
import { pyramidCriteria } from '../criteria/parse.js';
import { t } from '../i18n/catalogue.js';
import { OutputSet } from '../io/output-set.js';
import { lint } from '../lint/engine.js';
import type { Workspace } from '../language/workspace.js';
import { byCodePoint } from '../language/order.js';
import { InvalidInputError } from '../sim/simulate.js';
import { planPopulation, synthesize, type SynthOptions, type SynthPyramid } from './generate.js';
import { SynthError } from './plan.js';
import { synthFileNames, writePopulation, type SynthFormat } from './write.js';

export interface SynthRequest {
  territory: string;
  out: string;
  /** One pyramid only; default: every pyramid the territory counts, jointly. */
  pyramid?: string;
  seed: number;
  asOf: string;
  format: SynthFormat;
  cwd?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface SynthSummary {
  out: string;
  files: string[];
  patients: number;
  asOf: string;
  seed: number;
  /** Per pyramid, the patients per stratum (and `outside`): the territory's counts, met exactly. */
  counts: Record<string, Record<string, number>>;
}

type CriteriaOf = (pyramid: Parameters<typeof pyramidCriteria>[0]) => AssignablePyramid;

/** The generator's options for `request`, read from a workspace that lints clean. */
export async function synthOptionsOf(workspace: Workspace, request: Omit<SynthRequest, 'out' | 'format'>, criteriaOf?: CriteriaOf): Promise<SynthOptions> {
  if (!isIsoDate(request.asOf)) throw new SynthError(t('synth.bad-date', { value: request.asOf }), t('synth.bad-date.hint'));
  const territory = workspace.index.Territory.get(request.territory);
  if (!territory) {
    throw new SynthError(t('synth.unknown-territory', { territory: request.territory, root: workspace.root }), t('synth.unknown-territory.hint', { territories: [...workspace.index.Territory.keys()].sort() }));
  }
  const counted = Object.keys(territory.value.pyramids);
  if (request.pyramid !== undefined && !counted.includes(request.pyramid)) {
    throw new SynthError(t('synth.unknown-pyramid', { territory: request.territory, pyramid: request.pyramid, pyramids: counted }), t('synth.unknown-pyramid.hint'));
  }
  const compile = criteriaOf ?? pyramidCriteria;
  const pyramids: SynthPyramid[] = [];
  for (const id of request.pyramid !== undefined ? [request.pyramid] : counted) {
    const document = workspace.index.Pyramid.get(id);
    if (!document) throw new SynthError(t('synth.no-pyramid', { pyramid: id, known: [...workspace.index.Pyramid.keys()].sort(byCodePoint).join(', ') || '—' }), t('synth.no-pyramid.hint'));
    pyramids.push({ id, criteria: compile(document.value), counts: territory.value.pyramids[id]!.counts });
  }
  return { territory: request.territory, population: territory.value.population, pyramids, seed: request.seed, asOf: request.asOf };
}

/** Checks the workspace, then generates and writes the population into `request.out`. */
export async function synth(request: SynthRequest, criteriaOf?: CriteriaOf): Promise<SynthSummary> {
  // Before the workspace is read: a wrong date is refused at once.
  if (!isIsoDate(request.asOf)) throw new SynthError(t('synth.bad-date', { value: request.asOf }), t('synth.bad-date.hint'));
  const checked = await lint({ cwd: request.cwd ?? process.cwd() });
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new InvalidInputError(errors);
  const options = await synthOptionsOf(checked.workspace, request, criteriaOf);
  // Refused before any work: a folder holding files logi did not write.
  const set = await OutputSet.prepare(request.out, { command: 'synth', names: [...synthFileNames('csv'), ...synthFileNames('parquet')] });
  try {
    const planned = planPopulation(options);
    const patients = await writePopulation(synthesize(options, planned), set, request.format, (done) => request.onProgress?.(done, options.population));
    await set.commit();
    const counts = Object.fromEntries(options.pyramids.map((p, k) => [p.id, tally(planned.plan.combinations.map((c) => c[k]!), planned.plan.counts)]));
    return { out: request.out, files: synthFileNames(request.format).map((f) => set.finalPath(f)), patients, asOf: options.asOf, seed: options.seed, counts };
  } finally {
    await set.discard();
  }
}

function tally(labels: readonly string[], counts: readonly number[]): Record<string, number> {
  const result: Record<string, number> = {};
  labels.forEach((label, i) => (result[label] = (result[label] ?? 0) + counts[i]!));
  return result;
}
