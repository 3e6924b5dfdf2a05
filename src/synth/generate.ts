/**
 * The synthetic population of one territory (docs/stratify.md, "Synthetic data"): `population`
 * patients of whom, for every pyramid given, exactly `counts[stratum]` are assigned to each stratum
 * by the reference evaluator, the rest outside. Each patient is a randomised witness of its
 * combination of targets (plan.ts, literals.ts, witness.ts), checked with `assign` and drawn again
 * with the next stream until it passes. Patient i draws from the stream keyed (seed, territory,
 * i + 1, synthesis, attempt), so the population depends on nothing but its inputs; patients are
 * made one at a time (a generator), never all held.
 */
import { matchesAny } from '../criteria/codes.js';
import { assignmentOrder } from '../criteria/parse.js';
import { assign, OUTSIDE, type AssignablePyramid, type Patient } from '../criteria/evaluate.js';
import type { Criterion, LabTest, StratumCriteria } from '../criteria/types.js';
import { LAB_TESTS } from '../criteria/types.js';
import { t } from '../i18n/catalogue.js';
import { AleaStream, PURPOSE_CODES, StreamKey, stratumCode, type Uniform } from '../sim/random.js';
import { ACT_CODES, BACKGROUND_ATC, BACKGROUND_ICD10, HISTORY_MONTHS } from './catalogue.js';
import { chooseLiterals, pick, usedPatterns, type Literal, type UsedPatterns } from './literals.js';
import { dealCombinations, planCombinations, SynthError, targetsOf, type Plan } from './plan.js';
import { buildWitness, dayIn, drawLabValue, stayFrom } from './witness.js';

export interface SynthPyramid {
  id: string;
  criteria: AssignablePyramid;
  /** The territory's counts for this pyramid: people per stratum. */
  counts: Readonly<Record<string, number>>;
}

export interface SynthOptions {
  territory: string;
  population: number;
  pyramids: readonly SynthPyramid[];
  seed: number;
  /** The reference date, `YYYY-MM-DD`. */
  asOf: string;
}

/** Tries per patient, and per combination when checking that one is possible at all. */
export const PATIENT_TRIES = 200;
export const FEASIBILITY_TRIES = 400;
/** Share of the patients outside every pyramid who are dead (when a living one would do too). */
const DEAD_SHARE = 0.1;

interface Context {
  options: SynthOptions;
  orders: StratumCriteria[][];
  used: UsedPatterns;
  neutral: { icd10: string[]; stayIcd10: string[]; atc: string[]; acts: string[]; labs: LabTest[] };
  /** The lab tests the criteria read: extra values of them are kept only when they change no assignment. */
  readLabs: LabTest[];
  wishes: Map<string, Wish[] | undefined>;
}

interface Wish {
  criterion: Criterion;
  wanted: boolean;
}

function contextOf(options: SynthOptions): Context {
  const criteria: Criterion[] = options.pyramids.flatMap((p) => [...(p.criteria.population ? [p.criteria.population] : []), ...p.criteria.strata.flatMap((s) => (s.rule ? [s.rule] : []))]);
  const used = usedPatterns(criteria);
  const neutral = {
    icd10: BACKGROUND_ICD10.filter((c) => !matchesAny(c, used.diagnosis)),
    stayIcd10: used.anyStay ? [] : BACKGROUND_ICD10.filter((c) => !matchesAny(c, used.stay)),
    atc: BACKGROUND_ATC.filter((c) => !matchesAny(c, used.dispensation)),
    acts: ACT_CODES.filter((c) => !matchesAny(c, used.act)),
    labs: (Object.keys(LAB_TESTS) as LabTest[]).filter((l) => !used.labs.has(l)),
  };
  return { options, orders: options.pyramids.map((p) => assignmentOrder(p.criteria)), used, neutral, readLabs: (Object.keys(LAB_TESTS) as LabTest[]).filter((l) => used.labs.has(l)), wishes: new Map() };
}

/** The wishes that put a patient in `target` of pyramid k: in the population, every stratum evaluated before it failing, its own holding. */
function wishesFor(ctx: Context, k: number, target: string): Wish[] | undefined {
  const key = `${k}/${target}`;
  if (!ctx.wishes.has(key)) ctx.wishes.set(key, computeWishes(ctx, k, target));
  return ctx.wishes.get(key);
}

function computeWishes(ctx: Context, k: number, target: string): Wish[] | undefined {
  const pyramid = ctx.options.pyramids[k]!.criteria;
  if (target === OUTSIDE) return pyramid.population ? [{ criterion: pyramid.population, wanted: false }] : undefined;
  const wishes: Wish[] = pyramid.population ? [{ criterion: pyramid.population, wanted: true }] : [];
  for (const stratum of ctx.orders[k]!) {
    if (stratum.stratum === target) return [...wishes, { criterion: stratum.rule!, wanted: true }];
    wishes.push({ criterion: stratum.rule!, wanted: false });
  }
  // The bottom stratum, or a free-text stratum (never matched: its wish cannot be met).
  return target === pyramid.strata[0]!.stratum ? wishes : undefined;
}

/** One attempt at a patient meeting `combination` (a target for each of the first pyramids); unchecked. */
function attempt(ctx: Context, combination: readonly string[], patientId: string, u: Uniform, diesOnAsOf: boolean): Patient | undefined {
  const { territory, asOf } = ctx.options;
  const allOutside = combination.every((target) => target === OUTSIDE);
  const mustDie = combination.some((target, k) => target === OUTSIDE && !ctx.options.pyramids[k]!.criteria.population);
  if (diesOnAsOf || (allOutside && (mustDie || u() < DEAD_SHARE))) {
    const patient = buildWitness([], patientId, territory, asOf, u);
    if (patient) patient.deathDate = diesOnAsOf ? asOf : dayIn(asOf, 24, u);
    return patient;
  }
  const literals: Literal[] = [];
  for (let k = 0; k < combination.length; k++) {
    const wishes = wishesFor(ctx, k, combination[k]!);
    if (!wishes) return undefined;
    for (const w of wishes) chooseLiterals(w.criterion, w.wanted, u, literals);
  }
  return buildWitness(literals, patientId, territory, asOf, u);
}

function meets(ctx: Context, patient: Patient, combination: readonly string[]): boolean {
  return combination.every((target, k) => assign(ctx.options.pyramids[k]!.criteria, patient, ctx.options.asOf, ctx.orders[k]).stratum === target);
}

/** Adds rows that no criterion reads (codes no pattern matches, tests no criterion reads), dated in the history and before death. */
function addBackground(ctx: Context, p: Patient, u: Uniform): void {
  const { asOf } = ctx.options;
  const { neutral } = ctx;
  const date = (): string => dayIn(asOf, HISTORY_MONTHS, u, p.deathDate);
  const times = (max: number, add: () => void): void => {
    for (let n = Math.floor(u() * (max + 1)); n > 0; n--) add();
  };
  if (neutral.icd10.length) times(3, () => p.diagnoses.push({ code: pick(neutral.icd10, u), date: date(), ald: false }));
  if (neutral.atc.length) times(6, () => p.dispensations.push({ atc: pick(neutral.atc, u), date: date() }));
  if (neutral.acts.length) times(4, () => p.acts.push({ code: pick(neutral.acts, u), date: date() }));
  if (neutral.stayIcd10.length && u() < 0.08) p.stays.push(stayFrom(date(), pick(neutral.stayIcd10, u), asOf, u));
  for (const test of neutral.labs) if (u() < 0.15) p.labs.push({ test, value: drawLabValue(test, u), date: date() });
}

/**
 * The patient with, 30 % of the time for each lab test the criteria read, one more value drawn
 * from the test's distribution in the history: kept when the assignments stay the same (so that
 * not only the values the strata need appear), else left out.
 */
function withExtraLabs(ctx: Context, patient: Patient, combination: readonly string[], u: Uniform): Patient {
  const extras = ctx.readLabs.filter(() => u() < 0.3).map((test) => ({ test, value: drawLabValue(test, u), date: dayIn(ctx.options.asOf, HISTORY_MONTHS, u, patient.deathDate) }));
  if (extras.length === 0) return patient;
  const richer = { ...patient, labs: [...patient.labs, ...extras] };
  return meets(ctx, richer, combination) ? richer : patient;
}

/** A patient meeting `combination`, checked, or undefined after `tries` attempts; attempt a draws from `seedAttempt(a)`. */
function witnessOf(ctx: Context, combination: readonly string[], patientId: string, tries: number, seedAttempt: (a: number) => Uniform, diesOnAsOf = false): Patient | undefined {
  for (let a = 0; a < tries; a++) {
    const u = seedAttempt(a);
    const patient = attempt(ctx, combination, patientId, u, diesOnAsOf);
    if (!patient) continue;
    // Background rows cannot change an assignment (no criterion reads them); checked all the same.
    addBackground(ctx, patient, u);
    if (meets(ctx, patient, combination)) return withExtraLabs(ctx, patient, combination, u);
  }
  return undefined;
}

/** The plan of the population: which combination of targets each patient gets. */
export function planPopulation(options: SynthOptions): { plan: Plan; dealt: Uint16Array } {
  const ctx = contextOf(options);
  const targets = options.pyramids.map((p) => targetsOf(p.counts, p.criteria.strata.map((s) => s.stratum), options.population, { territory: options.territory, pyramid: p.id }));
  const stream = new AleaStream();
  const key = new StreamKey().set(options.seed, options.territory, 0);
  const possible = (combination: string[]): boolean => {
    const code = stratumCode(`possible:${combination.join('\u0000')}`);
    return witnessOf(ctx, combination, 'feasibility', FEASIBILITY_TRIES, (a) => (key.seed(stream, PURPOSE_CODES.synthesis, a, code), stream.next)) !== undefined;
  };
  const plan = planCombinations(targets, options.population, possible, { territory: options.territory, pyramids: options.pyramids.map((p) => p.id) });
  return { plan, dealt: dealCombinations(plan, options.seed, options.territory) };
}

/** The patients' ids: the territory, then the 1-based index padded to the population's width. */
export function patientIdOf(territory: string, index: number, population: number): string {
  return `${territory}-${String(index + 1).padStart(String(population).length, '0')}`;
}

/**
 * The patients, one at a time. The first patient outside every pyramid dies on asOf, so that the
 * latest date of the data (stratify's default asOf) is asOf; without such a patient, patient 0
 * gets a background diagnosis and dispensation dated asOf.
 */
export function* synthesize(options: SynthOptions, planned = planPopulation(options)): Generator<Patient> {
  const ctx = contextOf(options);
  const { plan, dealt } = planned;
  const allOutside = plan.combinations.findIndex((c) => c.every((target) => target === OUTSIDE));
  const anchor = allOutside === -1 ? -1 : dealt.indexOf(allOutside);
  const stream = new AleaStream();
  const key = new StreamKey();
  for (let i = 0; i < options.population; i++) {
    const combination = plan.combinations[dealt[i]!]!;
    key.set(options.seed, options.territory, i + 1);
    const seedAttempt = (a: number): Uniform => (key.seed(stream, PURPOSE_CODES.synthesis, a, 0), stream.next);
    const patient = witnessOf(ctx, combination, patientIdOf(options.territory, i, options.population), PATIENT_TRIES, seedAttempt, i === anchor);
    if (!patient) {
      const targets = combination.map((target, k) => `${options.pyramids[k]!.id} ${target}`).join(', ');
      throw new SynthError(t('synth.patient-failed', { index: i + 1, targets, tries: PATIENT_TRIES }), t('synth.patient-failed.hint'));
    }
    yield anchor === -1 && i === 0 ? anchored(ctx, patient) : patient;
  }
}

/** Patient 0 with neutral rows dated asOf, when they keep its strata (else as it was). */
function anchored(ctx: Context, patient: Patient): Patient {
  const { asOf } = ctx.options;
  const diagnoses = ctx.neutral.icd10.length ? [...patient.diagnoses, { code: ctx.neutral.icd10[0]!, date: asOf, ald: false }] : patient.diagnoses;
  const dispensations = ctx.neutral.atc.length ? [...patient.dispensations, { atc: ctx.neutral.atc[0]!, date: asOf }] : patient.dispensations;
  return { ...patient, diagnoses, dispensations };
}
