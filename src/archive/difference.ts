/**
 * Where two runs part, for `logi verify` when the bytes differ: the first differing figure, read
 * from the files rather than their bytes — for a simulation, the first row of summary.csv whose
 * figures differ (territory, scale, arm, measure, key, year, and the statistic), else the first
 * differing value of results.json; for a calibration or a sweep, the first differing value of its
 * JSON. And the likely reasons, from the manifests: another tool version, an input whose SHA-256
 * is not the recorded one, another derivation of the random streams.
 */
import { promises as fs } from 'node:fs';
import { readSummaryRows, type SummaryRow } from '../results/read.js';
import type { RunManifest } from './collect.js';

export interface FigureDifference {
  /** The file it was found in, as named in the package (`results/summary.csv`). */
  file: string;
  /** For a summary row: what the figure is. */
  row?: { territory: string; scale: string; arm: string; measure: string; key: string; year: number | null; statistic: string };
  /** For a JSON value: its path, `decision.summaries[0].icer`. */
  path?: string;
  recorded: string;
  remade: string;
}

export type Reason =
  | { kind: 'version'; recorded: string; current: string }
  | { kind: 'input'; file: string; recorded: string; found: string | null }
  | { kind: 'streams'; recorded: string; current: string }
  | { kind: 'unexplained' };

const STATISTICS = ['mean', 'sd', 'median', 'p025', 'p975', 'mcse'] as const;
const shown = (value: unknown) => (value === undefined ? '(none)' : typeof value === 'string' ? value : JSON.stringify(value));

/** The first row of two summary files whose identity or figures differ. */
export async function firstRowDifference(recorded: string, remade: string, name: string): Promise<FigureDifference | undefined> {
  const [a, b] = await Promise.all([readSummaryRows(recorded), readSummaryRows(remade)]);
  for (let k = 0; k < Math.max(a.length, b.length); k++) {
    const x = a[k];
    const y = b[k];
    if (!x || !y || !sameIdentity(x, y)) return { file: name, ...(x ?? y ? { row: { ...identity((x ?? y)!), statistic: 'row' } } : {}), recorded: x ? describeRow(x) : '(none)', remade: y ? describeRow(y) : '(none)' };
    const statistic = STATISTICS.find((s) => !Object.is(x[s], y[s]));
    if (statistic) return { file: name, row: { ...identity(x), statistic }, recorded: String(x[statistic]), remade: String(y[statistic]) };
  }
  return undefined;
}

function identity(row: SummaryRow) {
  return { territory: row.territory, scale: row.scale, arm: row.arm, measure: row.measure, key: row.key, year: row.year };
}

function sameIdentity(x: SummaryRow, y: SummaryRow): boolean {
  return x.territory === y.territory && x.scale === y.scale && x.arm === y.arm && x.measure === y.measure && x.key === y.key && x.year === y.year;
}

function describeRow(row: SummaryRow): string {
  return `${row.territory}, ${row.scale}, ${row.arm}, ${row.measure} ${row.key}${row.year === null ? '' : `, year ${row.year}`}`;
}

/** The first value at which two JSON documents differ, in document order (arrays by index, objects by the recorded keys, then the new ones). */
export function firstJsonDifference(recorded: unknown, remade: unknown, at = ''): { path: string; recorded: string; remade: string } | undefined {
  if (Object.is(recorded, remade)) return undefined;
  const bothArrays = Array.isArray(recorded) && Array.isArray(remade);
  const bothObjects = !bothArrays && isObject(recorded) && isObject(remade);
  if (!bothArrays && !bothObjects) return { path: at || '(root)', recorded: shown(recorded), remade: shown(remade) };
  const keys = bothArrays
    ? Array.from({ length: Math.max((recorded as unknown[]).length, (remade as unknown[]).length) }, (_, k) => k)
    : [...new Set([...Object.keys(recorded as object), ...Object.keys(remade as object)])];
  for (const key of keys) {
    const next = typeof key === 'number' ? `${at}[${key}]` : at ? `${at}.${key}` : key;
    const found = firstJsonDifference((recorded as Record<string | number, unknown>)[key], (remade as Record<string | number, unknown>)[key], next);
    if (found) return found;
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export async function jsonDifference(recorded: string, remade: string, name: string): Promise<FigureDifference | undefined> {
  const [a, b] = await Promise.all([fs.readFile(recorded, 'utf8'), fs.readFile(remade, 'utf8')]);
  const found = firstJsonDifference(JSON.parse(a) as unknown, JSON.parse(b) as unknown);
  return found ? { file: name, path: found.path, recorded: found.recorded, remade: found.remade } : undefined;
}

/**
 * Why the runs may differ: the recorded manifest against the re-run's (or, when the re-run was
 * refused, against this logi), and the packaged inputs against the recorded checksums.
 */
export function likelyReasons(recorded: RunManifest, current: { version: string; streams?: string | undefined }, changedInputs: { file: string; recorded: string; found: string | null }[]): Reason[] {
  const reasons: Reason[] = [];
  if (recorded.version !== current.version) reasons.push({ kind: 'version', recorded: recorded.version, current: current.version });
  for (const input of changedInputs) reasons.push({ kind: 'input', ...input });
  if (recorded.streams !== undefined && current.streams !== undefined && recorded.streams !== current.streams) reasons.push({ kind: 'streams', recorded: recorded.streams, current: current.streams });
  return reasons.length > 0 ? reasons : [{ kind: 'unexplained' }];
}
