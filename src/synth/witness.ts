/**
 * The second step of a witness: a patient whose rows make each chosen literal (literals.ts) true
 * or false as wanted. Demographics are drawn among the values every age, sex and territory literal
 * allows; each atom wanted true gets its matching rows, with codes chosen among those that the
 * atoms wanted false do not read when there are some, and dates out of their windows when the
 * windows allow; each lab test read gets one value inside the bounds wanted and outside the others.
 * Nothing here is trusted: the generator checks every patient with `assign` (generate.ts).
 */
import { parsePattern, type ParsedPattern } from '../criteria/codes.js';
import { ageAt, fromDayNumber, minusMonths, toDayNumber } from '../criteria/dates.js';
import { passesTest, type Patient } from '../criteria/evaluate.js';
import type { CodePatterns, LabTest } from '../criteria/types.js';
import type { Uniform } from '../sim/random.js';
import { ACT_CODES, ATC_CODES, HISTORY_MONTHS, ICD10_CODES, LAB_DISTRIBUTIONS } from './catalogue.js';
import { pick, type AtomOf, type Literal } from './literals.js';

export type CodeSystem = 'icd10' | 'atc' | 'act';
const CATALOGUES: Record<CodeSystem, readonly string[]> = { icd10: ICD10_CODES, atc: ATC_CODES, act: ACT_CODES };
/** The character class of each position of a full code: L a letter, D a digit. */
const SHAPES: Record<CodeSystem, string> = { icd10: 'LDDD', atc: 'LDDLLDD', act: 'LLLLDDD' };
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A day drawn uniformly in the window (asOf − months, asOf], or up to `latest` when given and inside. */
export function dayIn(asOf: string, months: number, u: Uniform, latest?: string): string {
  const low = toDayNumber(minusMonths(asOf, months));
  let high = toDayNumber(asOf);
  if (latest !== undefined && toDayNumber(latest) > low) high = Math.min(high, toDayNumber(latest));
  return fromDayNumber(low + 1 + Math.floor(u() * (high - low)));
}

/** A code of `system` that `pattern` matches: from the catalogue when it has one, else the pattern completed at random. */
function completePattern(pattern: string, system: CodeSystem, u: Uniform): string {
  const { code, prefix } = parsedPattern(pattern);
  if (!prefix) return code;
  const known = CATALOGUES[system].filter((c) => c.startsWith(code));
  if (known.length > 0 && u() < 0.9) return pick(known, u);
  const shape = SHAPES[system];
  const length = Math.max(code.length, system === 'icd10' ? 3 + Math.floor(u() * 2) : shape.length);
  let completed = code;
  for (let i = code.length; i < length; i++) completed += shape[i] === 'L' ? LETTERS[Math.floor(u() * LETTERS.length)]! : String(Math.floor(u() * 10));
  return completed;
}

const windowStarts = new Map<string, string>();

/** dates.ts's minusMonths(asOf, months), memoised: a run has one asOf and a few windows, read for every row. */
function windowStart(asOf: string, months: number): string {
  const key = `${asOf}|${months}`;
  let start = windowStarts.get(key);
  if (start === undefined) windowStarts.set(key, (start = minusMonths(asOf, months)));
  return start;
}

const parsed = new Map<string, ParsedPattern>();

/** codes.ts's parsePattern, memoised: the criteria repeat a few patterns. */
function parsedPattern(pattern: string): ParsedPattern {
  let p = parsed.get(pattern);
  if (!p) parsed.set(pattern, (p = parsePattern(pattern)));
  return p;
}

/** Whether a generated code (normalised already) matches one of the parsed patterns. */
function generatedMatches(code: string, patterns: readonly ParsedPattern[]): boolean {
  for (const { code: c, prefix } of patterns) {
    if (prefix ? code.startsWith(c) : code === c) return true;
  }
  return false;
}

/** A code matching `patterns` (any code of the catalogue when none) and, when possible, none of `avoid`. */
export function chooseCode(patterns: CodePatterns | undefined, system: CodeSystem, avoid: readonly ParsedPattern[], u: Uniform): string {
  let code = '';
  for (let attempt = 0; attempt < 8; attempt++) {
    code = patterns && patterns.length > 0 ? completePattern(pick(patterns, u), system, u) : pick(CATALOGUES[system], u);
    if (!generatedMatches(code, avoid)) return code;
  }
  return code;
}

const ALL_AGES = Array.from({ length: 105 }, (_, age) => age);
/** Ages 0–104, weighted as a rough French age pyramid (flat to 60, thinning to 100). */
function ageWeight(age: number): number {
  return age < 60 ? 1 : age < 100 ? (100 - age) / 40 : 0.02;
}

/** The ages the age literals allow, with their cumulative weights, per set of age literals (a few per pyramid). */
const ageSamplers = new Map<string, { ages: number[]; cumulative: number[] }>();
const atomIds = new WeakMap<object, number>();
let nextAtomId = 0;

function atomId(atom: object): number {
  let id = atomIds.get(atom);
  if (id === undefined) atomIds.set(atom, (id = nextAtomId++));
  return id;
}

function ageSampler(ageLiterals: readonly Literal[]): { ages: number[]; cumulative: number[] } {
  const key = ageLiterals.map((l) => `${atomId(l.atom)}${l.holds ? '+' : '-'}`).join(',');
  let sampler = ageSamplers.get(key);
  if (!sampler) {
    const ages = ALL_AGES.filter((age) => ageLiterals.every((l) => passesTest(age, (l.atom as AtomOf<'age'>).test) === l.holds));
    let total = 0;
    sampler = { ages, cumulative: ages.map((age) => (total += ageWeight(age))) };
    if (ageSamplers.size > 1024) ageSamplers.clear();
    ageSamplers.set(key, sampler);
  }
  return sampler;
}

/** Birth date, sex and territory allowed by the literals, or undefined when they contradict each other. */
function demographics(literals: readonly Literal[], territory: string, asOf: string, u: Uniform): Pick<Patient, 'birthDate' | 'sex'> | undefined {
  const { ages, cumulative } = ageSampler(literals.filter((l) => l.atom.kind === 'age'));
  const sexes = (['F', 'M'] as const).filter((sex) => literals.every((l) => l.atom.kind !== 'sex' || (l.atom.sex === sex) === l.holds));
  const territoryOk = literals.every((l) => l.atom.kind !== 'territory' || l.atom.ids.includes(territory) === l.holds);
  if (ages.length === 0 || sexes.length === 0 || !territoryOk) return undefined;
  const r = u() * cumulative[cumulative.length - 1]!;
  let i = 0;
  while (i < ages.length - 1 && cumulative[i]! <= r) i++;
  const age = ages[i]!;
  // Born in (asOf − (age + 1) years, asOf − age years]: exactly `age` at asOf.
  const birthDate = dayIn(minusMonths(asOf, 12 * age), 12, u);
  return ageAt(birthDate, asOf) === age ? { birthDate, sex: pick(sexes, u) } : undefined;
}

type CodedKind = 'diagnosis' | 'dispensation' | 'act' | 'stay';
const patternsOf = (atom: AtomOf<CodedKind>): CodePatterns | undefined => (atom.kind === 'dispensation' ? atom.atc : atom.kind === 'stay' ? atom.mainDiagnosis : atom.codes);
const SYSTEM: Record<CodedKind, CodeSystem> = { diagnosis: 'icd10', dispensation: 'atc', act: 'act', stay: 'icd10' };
/** Each atom's patterns parsed once (undefined: a stay without main diagnosis, which reads every stay): every row of every patient reads them. */
const parsedOfAtom = new WeakMap<object, readonly ParsedPattern[] | undefined>();

function parsedPatternsOf(atom: AtomOf<CodedKind>): readonly ParsedPattern[] | undefined {
  if (parsedOfAtom.has(atom)) return parsedOfAtom.get(atom);
  const parsedPatterns = patternsOf(atom)?.map(parsedPattern);
  parsedOfAtom.set(atom, parsedPatterns);
  return parsedPatterns;
}

/** The rows that make a coded atom hold: min-count rows (sometimes one more), in its window and out of the windows of the atoms wanted false that read them. */
function addCodedRows(atom: AtomOf<CodedKind>, negatives: readonly AtomOf<CodedKind>[], patient: Patient, asOf: string, u: Uniform): void {
  const avoid = negatives.flatMap((n) => parsedPatternsOf(n) ?? []);
  const count = atom.minCount + (u() < 0.3 ? 1 : 0);
  for (let i = 0; i < count; i++) {
    const code = chooseCode(patternsOf(atom), SYSTEM[atom.kind], avoid, u);
    const ald = atom.kind === 'diagnosis' && atom.ald;
    let latest: string | undefined;
    for (const n of negatives) {
      const read = parsedPatternsOf(n);
      const reads = read === undefined || generatedMatches(code, read);
      if (!reads || n.withinMonths === undefined || (n.kind === 'diagnosis' && n.ald && !ald)) continue;
      const bound = windowStart(asOf, n.withinMonths);
      if (latest === undefined || bound < latest) latest = bound;
    }
    const date = dayIn(asOf, atom.withinMonths ?? HISTORY_MONTHS, u, latest);
    if (atom.kind === 'diagnosis') patient.diagnoses.push({ code, date, ald });
    else if (atom.kind === 'dispensation') patient.dispensations.push({ atc: code, date });
    else if (atom.kind === 'act') patient.acts.push({ code, date });
    else patient.stays.push(stayFrom(date, code, asOf, u));
  }
}

export function stayFrom(admission: string, mainDiagnosis: string, asOf: string, u: Uniform): Patient['stays'][number] {
  const discharge = fromDayNumber(toDayNumber(admission) + 1 + Math.floor(u() * 12));
  return discharge <= asOf ? { admission, discharge, mainDiagnosis } : { admission, mainDiagnosis };
}

/** A value drawn from the test's distribution, rounded to its step and clamped to its range. */
export function drawLabValue(test: LabTest, u: Uniform): number {
  const d = LAB_DISTRIBUTIONS[test];
  // Box–Muller; 1 − u() keeps the logarithm finite. Log-normal: `spread` is the σ of the logarithm.
  const normal = Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  const raw = d.logNormal ? d.centre * Math.exp(normal * d.spread) : d.centre + normal * d.spread;
  return roundToStep(Math.min(d.max, Math.max(d.min, raw)), d.step);
}

function roundToStep(value: number, step: number): number {
  const decimals = step >= 1 ? 0 : Math.round(-Math.log10(step));
  return Number((Math.round(value / step) * step).toFixed(decimals));
}

/** The values of the test's grid that pass `accept`, per test and set of literals seen (`key`): a run meets a few such sets many times. */
const grids = new Map<string, number[]>();

function gridWhere(test: LabTest, accept: (v: number) => boolean, key: string): number[] {
  let grid = grids.get(key);
  if (grid) return grid;
  const d = LAB_DISTRIBUTIONS[test];
  grid = [];
  const steps = Math.round((d.max - d.min) / d.step);
  for (let i = 0; i <= steps; i++) {
    const v = roundToStep(d.min + i * d.step, d.step);
    if (accept(v)) grid.push(v);
  }
  if (grids.size > 1024) grids.clear();
  grids.set(key, grid);
  return grid;
}

/** A value that passes `accept`: drawn from the distribution, else any value of the grid that does. */
function labValueWhere(test: LabTest, accept: (v: number) => boolean, key: string, u: Uniform): number | undefined {
  for (let attempt = 0; attempt < 20; attempt++) {
    const v = drawLabValue(test, u);
    if (accept(v)) return v;
  }
  const grid = gridWhere(test, accept, key);
  return grid.length > 0 ? pick(grid, u) : undefined;
}

/** One row for each lab test some literal wants to hold: in every such window, its value inside their bounds and outside those wanted false that see it. */
function addLabRows(labLiterals: readonly Literal[], patient: Patient, asOf: string, u: Uniform): boolean {
  const tests = [...new Set(labLiterals.filter((l) => l.holds).map((l) => (l.atom as AtomOf<'lab'>).lab))];
  for (const test of tests) {
    const literals = labLiterals.filter((l) => (l.atom as AtomOf<'lab'>).lab === test).map((l) => ({ atom: l.atom as AtomOf<'lab'>, holds: l.holds }));
    const months = Math.min(...literals.filter((l) => l.holds).map((l) => l.atom.withinMonths ?? HISTORY_MONTHS));
    // Half the time, dated before the windows of the literals wanted false, so that they see no value.
    const bounds = literals.filter((l) => !l.holds && l.atom.withinMonths !== undefined).map((l) => windowStart(asOf, l.atom.withinMonths!));
    const latest = u() < 0.5 && bounds.length > 0 ? bounds.reduce((a, b) => (a < b ? a : b)) : undefined;
    const date = dayIn(asOf, months, u, latest);
    const seen = literals.filter((l) => l.holds || l.atom.withinMonths === undefined || date > windowStart(asOf, l.atom.withinMonths));
    const key = `${test}:${seen.map((l) => `${atomId(l.atom)}${l.holds ? '+' : '-'}`).join(',')}`;
    const value = labValueWhere(test, (v) => seen.every((l) => passesTest(v, l.atom.test) === l.holds), key, u);
    if (value === undefined) return false;
    patient.labs.push({ test, value, date });
  }
  return true;
}

/** A patient for which each literal has its wanted truth (most of the time), or undefined when they visibly contradict each other. */
export function buildWitness(literals: readonly Literal[], patientId: string, territory: string, asOf: string, u: Uniform): Patient | undefined {
  const people = demographics(literals, territory, asOf, u);
  if (!people) return undefined;
  const patient: Patient = { patientId, ...people, territory, diagnoses: [], dispensations: [], labs: [], stays: [], acts: [] };
  for (const kind of ['diagnosis', 'dispensation', 'act', 'stay'] as const) {
    const negatives = literals.filter((l) => !l.holds && l.atom.kind === kind).map((l) => l.atom as AtomOf<CodedKind>);
    for (const l of literals) if (l.holds && l.atom.kind === kind) addCodedRows(l.atom, negatives, patient, asOf, u);
  }
  return addLabRows(literals.filter((l) => l.atom.kind === 'lab'), patient, asOf, u) ? patient : undefined;
}
