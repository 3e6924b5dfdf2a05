/**
 * A branch's structured `when` in words: the one home of that text, for the failures of pathway
 * tests (src/pathway-tests/paths.ts) and the decision thresholds of the memo sheets
 * (src/render/memo.ts). Symbols read the same in French and English (`≤ 7`, `∈ {3, 4}`,
 * `∈ [30 ; 59]`); only the numbers follow the caller's format (the memo: the language's, via
 * src/i18n/numbers.ts; the tests: as written in YAML).
 */
import type { z } from 'zod';
import type { Condition } from '../language/schemas/logigramme.js';

type When = z.infer<typeof Condition>;
type Format = (n: number) => string;

const SYMBOLS = { lt: '<', lte: '≤', gt: '>', gte: '≥' } as const;

/** The bounds of a `when`, each in symbols, in the order gt, gte, lt, lte, eq, in, between: `['≥ 30', '< 60']`. */
export function conditionBounds(when: When, format: Format = String): string[] {
  const value = (v: number | string) => (typeof v === 'number' ? format(v) : v);
  const parts: string[] = [];
  for (const key of ['gt', 'gte', 'lt', 'lte'] as const) if (when[key] !== undefined) parts.push(`${SYMBOLS[key]} ${format(when[key])}`);
  if (when.eq !== undefined) parts.push(`= ${value(when.eq)}`);
  if (when.in !== undefined) parts.push(`∈ {${when.in.map(value).join(', ')}}`);
  if (when.between !== undefined) parts.push(`∈ [${format(when.between[0])} ; ${format(when.between[1])}]`);
  return parts;
}

/** A branch's `when` in symbols, which read the same in French and English: `hba1c ≤ 7`, `grade ∈ {1, 2, 3}`. */
export function conditionWords(variable: string, when: When, format: Format = String): string {
  return conditionBounds(when, format).map((bound) => `${variable} ${bound}`).join(', ');
}

/**
 * How a decision variable's id is printed for people: the usual spelling of the clinical
 * measures the bundled logigrammes test (`hba1c` → `HbA1c`, `dfg` → `DFG`), the id itself
 * otherwise. Not a translation: these acronyms are written so in French and English texts.
 */
const VARIABLE_SPELLINGS: Readonly<Record<string, string>> = {
  hba1c: 'HbA1c',
  dfg: 'DFG',
  egfr: 'eGFR',
  dfge: 'DFGe',
  rac: 'RAC',
  uacr: 'UACR',
  fevg: 'FEVG',
  lvef: 'LVEF',
  nyha: 'NYHA',
  'nt-probnp': 'NT-proBNP',
  bnp: 'BNP',
  imc: 'IMC',
  bmi: 'BMI',
  qrs: 'QRS',
  mmse: 'MMSE',
};

export function variableSpelling(name: string): string {
  return Object.hasOwn(VARIABLE_SPELLINGS, name) ? VARIABLE_SPELLINGS[name]! : name;
}
