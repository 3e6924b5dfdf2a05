/**
 * The per-iteration export of `simulate --draws FILE` (docs/economics.md, "Per-iteration draws"):
 * one row per iteration and value, in a long CSV that R (`read.csv`) or Python (`pandas.read_csv`)
 * reads as it is — the parameters drawn (the uncertain ones: a fixed number is the same in every
 * iteration) and the valuation lines of each territory, of the sum over territories, and of each
 * arm, so that any analysis of the iterations (a CE plane, a metamodel, an EVPPI) can be redone.
 */
import { escapeCsvField } from '../text/escape.js';
import type { Model } from '../sim/model.js';
import type { EnsembleRun } from '../sim/batches.js';
import { ENSEMBLE } from '../sim/ensemble.js';
import type { RunOutput } from '../sim/runner.js';
import { lineKey, Valuation, valuationLines } from './valuation.js';

/** The columns, in order; `type` is `parameter` or `output`. */
export const DRAWS_COLUMNS = ['iteration', 'type', 'name', 'label', 'territory', 'arm', 'discounted', 'value'] as const;

/** A parameter's stable name: its document and its path in it (`Pyramid:diabete-t2/transitions/3/p`). */
export function parameterName(spec: { document?: string; path?: (string | number)[]; name: string }): string {
  return spec.document && spec.path ? `${spec.document}/${spec.path.join('/')}` : spec.name;
}

/** The file's rows, as lines of text (each ends with a newline), in blocks, so that a caller can write them as they come. */
export function* drawsCsv(model: Model, output: RunOutput, ensemble: EnsembleRun): Generator<string> {
  const N = model.iterations;
  const P = model.parameters.specs.length;
  const text = (field: string) => escapeCsvField(field, ',');
  yield `${DRAWS_COLUMNS.join(',')}\n`;
  const uncertain = model.parameters.specs.map((spec, k) => ({ spec, k })).filter(({ spec }) => spec.kind !== 'fixed');
  const names = uncertain.map(({ spec }) => `${text(parameterName(spec))},${text(spec.name)}`);
  for (let i = 0; i < N; i++) {
    const rows = uncertain.map(({ k }, j) => `${i + 1},parameter,${names[j]},,,,${output.thetas[i * P + k]}\n`);
    yield rows.join('');
  }
  const valuation = new Valuation(model, output);
  // The sum over territories is valued from the sums of their records (src/sim/ensemble.ts), as results.json's.
  const summed = new Valuation(ensemble.model, ensemble.output);
  for (const line of valuationLines(model)) {
    for (const discounted of [false, true]) {
      const rows: string[] = [];
      model.territories.forEach((territory, t) => {
        ([0, 1] as const).forEach((arm) => rows.push(outputRows(valuation.total(line, t, arm, discounted), lineKey(line), text(territory.id), arm, discounted)));
      });
      ([0, 1] as const).forEach((arm) => rows.push(outputRows(summed.total(line, 0, arm, discounted), lineKey(line), ENSEMBLE, arm, discounted)));
      yield rows.join('');
    }
  }
}

function outputRows(values: Float64Array, name: string, territory: string, arm: 0 | 1, discounted: boolean): string {
  let rows = '';
  const armName = arm === 0 ? 'baseline' : 'program';
  for (let i = 0; i < values.length; i++) rows += `${i + 1},output,${name},,${territory},${armName},${discounted},${values[i]}\n`;
  return rows;
}
