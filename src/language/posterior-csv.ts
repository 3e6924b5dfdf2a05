/**
 * A posterior sample file (docs/calibration.md, "Outputs"): a header line of parameter paths, then
 * one line per set of numbers, `,` between fields, `.` as decimal separator; a path holding a
 * comma or a quote is quoted as RFC 4180 says. Read by `simulate` (src/sim/parameter-sets.ts) and
 * checked by lint (rule parameter-set-path): one reader for both.
 */
import path from 'node:path';

/** Where a ParameterSet's `posterior` file is: relative to the set's own file. */
export function posteriorFile(set: { source: { absolutePath: string } }, posterior: string): string {
  return path.resolve(path.dirname(set.source.absolutePath), posterior);
}
export type PosteriorProblem =
  | { kind: 'empty' }
  | { kind: 'width'; line: number; found: number; expected: number }
  | { kind: 'value'; line: number; column: number; text: string };

export interface PosteriorTable {
  paths: string[];
  /** [set][column], each a finite number. */
  rows: number[][];
}

/** The fields of one line (RFC 4180 quotes: `"a, b"`, `""` for a quote). */
function fields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && c === '"') quoted = false;
    else if (!quoted && c === '"' && field === '') quoted = true;
    else if (!quoted && c === ',') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

export function readPosteriorCsv(text: string): { ok: true; table: PosteriorTable } | { ok: false; problem: PosteriorProblem } {
  const lines = text.split(/\r?\n/);
  // A final line break ends the last line; it does not start an empty set.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length < 2) return { ok: false, problem: { kind: 'empty' } };
  const paths = fields(lines[0]!).map((p) => p.trim());
  const rows: number[][] = [];
  for (let k = 1; k < lines.length; k++) {
    const values = fields(lines[k]!);
    if (values.length !== paths.length) return { ok: false, problem: { kind: 'width', line: k + 1, found: values.length, expected: paths.length } };
    const row: number[] = [];
    for (let c = 0; c < values.length; c++) {
      const text = values[c]!.trim();
      const value = Number(text);
      if (text === '' || !Number.isFinite(value)) return { ok: false, problem: { kind: 'value', line: k + 1, column: c + 1, text } };
      row.push(value);
    }
    rows.push(row);
  }
  return { ok: true, table: { paths, rows } };
}
