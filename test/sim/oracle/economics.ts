/**
 * An independent re-implementation of the economic valuation of `logi simulate --mode expected`
 * (issue 16), written from docs/economics.md alone on top of the oracle of the dynamics
 * (test/sim/oracle/expected.ts): it never imports src/. From the oracle's yearly counts, events,
 * act costs per actor and program costs, and from the YAML (strata `costs` and `utility`, events'
 * `costs`, actors' `payer`, program costs' `payer`, the scenario's `economics`), it gives every
 * valuation line, undiscounted and discounted, per territory, `ensemble` and arm, and the decision
 * figures. In the expected mode every parameter is its central value (docs/simulation.md,
 * "Distributions") and there is one iteration, so each mean is the value itself.
 * test/econ/oracle.test.ts compares logi's results.json with it.
 */
import { central, inYear } from './central.js';
import { expected, personTime, type ArmSeries, type ExpectedResult, type StateTime } from './expected.js';
import { documentOf, documentsOf, readWorkspace, withParameterSets, type Doc, type Workspace } from './workspace.js';

export interface Totals {
  undiscounted: number;
  discounted: number;
}

/** Valuation line key (`acts/<payer>`, `totalCost`, …) → its totals over the horizon. */
export type Lines = Record<string, Totals>;

export type Outcome = 'qalys' | 'life-years';

export interface Settings {
  /** Annual discount rates (docs "Settings"; default 0.025 each). */
  costs: number;
  outcomes: number;
  stateTime: StateTime;
  outcome: Outcome;
  threshold: number;
  thresholds: number[];
}

export type Verdict = 'dominant' | 'dominated' | 'more-costly-more-effective' | 'less-costly-less-effective' | 'equivalent';

export interface Acceptability {
  wtp: number;
  meanNmb: number;
  probabilityCostEffective: number;
  evpi: number;
  optimal: 'program' | 'baseline';
}

export interface DecisionFigures {
  territory: string;
  /** Σ of the territory's start counts over the pyramid's strata (exits excluded). */
  people: number;
  incrementalCost: number;
  incrementalEffect: number;
  icer: number | null;
  verdict: Verdict;
  netMonetaryBenefit: number;
  probabilityCostEffective: number;
  evpi: { perPerson: number; population: number };
  acceptability: Acceptability[];
}

export interface EconomicsResult {
  settings: Settings;
  payers: string[];
  lines: string[];
  /** The scenario's territories, then `ensemble`. */
  places: string[];
  /** Inhabitants of each place (`ensemble`: the sum), for the `per100k` scale. */
  population: Record<string, number>;
  arms: Record<string, { baseline: Lines; program: Lines; difference: Lines }>;
  decision: DecisionFigures[];
}

interface CostLine {
  payer: string;
  /** A stratum (state cost), an event (event cost) or a program cost id. */
  of: string;
  value: unknown;
}

/** What docs/economics.md needs from the YAML, beside the dynamics. */
interface ValuationModel {
  settings: Settings;
  strata: string[];
  actorPayer: Map<string, string>;
  stateCosts: CostLine[];
  eventCosts: CostLine[];
  /** Program costs of each arm's program, by arm. */
  programCosts: { baseline: CostLine[]; program: CostLine[] };
  /** Utility of each stratum, or null unless every stratum has one (then there is no `qalys` line). */
  utilities: Map<string, number> | null;
  payers: string[];
  lines: string[];
}

/** docs "Settings": 0 to 150,000 by 5,000. */
const DEFAULT_THRESHOLDS = Array.from({ length: 31 }, (_, k) => 5000 * k);
const DEFAULT_PAYER = 'assurance-maladie';

export function economics(root: string, scenarioId: string, dynamics: ExpectedResult = expected(root, scenarioId)): EconomicsResult {
  const workspace = withParameterSets(readWorkspace(root), scenarioId);
  const scenario = documentOf(workspace, 'Scenario', scenarioId);
  const model = valuationModel(workspace, scenario);
  const places = [...dynamics.territories, 'ensemble'];
  const population: Record<string, number> = { ensemble: 0 };
  const arms: EconomicsResult['arms'] = {};
  for (const id of dynamics.territories) {
    population[id] = documentOf(workspace, 'Territory', id).population as number;
    population.ensemble! += population[id]!;
    const { baseline, program } = dynamics.arms[id]!;
    arms[id] = withDifference(armLines(model, baseline, dynamics.horizon, 'baseline'), armLines(model, program, dynamics.horizon, 'program'));
  }
  const sum = (arm: 'baseline' | 'program') => sumLines(model.lines, dynamics.territories.map((id) => arms[id]![arm]));
  arms.ensemble = withDifference(sum('baseline'), sum('program'));
  const people: Record<string, number> = { ensemble: 0 };
  for (const id of dynamics.territories) {
    people[id] = model.strata.reduce((total, s) => total + dynamics.arms[id]!.baseline.counts[s]![0]!, 0);
    people.ensemble! += people[id]!;
  }
  const decision = places.map((place) => decisionOf(model.settings, place, people[place]!, arms[place]!.difference));
  return { settings: model.settings, payers: model.payers, lines: model.lines, places, population, arms, decision };
}

function valuationModel(workspace: Workspace, scenario: Doc): ValuationModel {
  const pyramid = documentOf(workspace, 'Pyramid', scenario.pyramid);
  const strata = (pyramid.strata as Doc[]).map((s) => s.id as string);
  const actorPayer = new Map<string, string>();
  for (const document of documentsOf(workspace, 'Actors')) for (const [id, actor] of Object.entries(document.actors as Record<string, Doc>)) actorPayer.set(id, actor.payer ?? DEFAULT_PAYER);
  const stateCosts = (pyramid.strata as Doc[]).flatMap((s) => ((s.costs ?? []) as Doc[]).map((c) => ({ payer: c.payer as string, of: s.id as string, value: c['per-year'] })));
  // The short form `name: [flows]` has no cost (docs "What the language says").
  const eventCosts = Object.entries((pyramid.events ?? {}) as Record<string, Doc | string[]>).flatMap(([name, event]) =>
    Array.isArray(event) ? [] : ((event.costs ?? []) as Doc[]).map((c) => ({ payer: c.payer as string, of: name, value: c['per-event'] })),
  );
  const programOf = (id: string) => documentOf(workspace, 'Program', id);
  const costsOf = (program: Doc) => Object.entries((program.costs ?? {}) as Record<string, Doc>).map(([id, c]) => ({ payer: c.payer as string, of: id, value: undefined }));
  const programCosts = { baseline: costsOf(programOf(scenario.baseline)), program: costsOf(programOf(scenario.program)) };
  const everyUtility = (pyramid.strata as Doc[]).every((s) => s.utility !== undefined);
  const utilities = everyUtility ? new Map((pyramid.strata as Doc[]).map((s) => [s.id as string, central(s.utility)])) : null;
  const settings = settingsOf(scenario.economics ?? {}, everyUtility);
  const usedActors = actorsWithActions(workspace, [programOf(scenario.baseline), programOf(scenario.program)]);
  // docs "Payers": first appearance, actors in order, then strata, events, program costs (baseline's program, then the program's: the docs do not say which arm first).
  const payers = [...new Set([...actorPayer.values(), ...stateCosts.map((c) => c.payer), ...eventCosts.map((c) => c.payer), ...programCosts.baseline.map((c) => c.payer), ...programCosts.program.map((c) => c.payer)])];
  const actPayers = new Set([...usedActors].map((actor) => actorPayer.get(actor) ?? DEFAULT_PAYER));
  const has = (list: CostLine[]) => new Set(list.map((c) => c.payer));
  const lines = [
    ...payers.filter((p) => actPayers.has(p)).map((p) => `acts/${p}`),
    ...payers.filter((p) => has(stateCosts).has(p)).map((p) => `states/${p}`),
    ...payers.filter((p) => has(eventCosts).has(p)).map((p) => `events/${p}`),
    ...payers.filter((p) => has([...programCosts.baseline, ...programCosts.program]).has(p)).map((p) => `program/${p}`),
    'totalCost',
    'lifeYears',
    ...(utilities ? ['qalys'] : []),
  ];
  return { settings, strata, actorPayer, stateCosts, eventCosts, programCosts, utilities, payers, lines };
}

/** docs "Settings, with their defaults". */
function settingsOf(written: Doc, everyUtility: boolean): Settings {
  const outcome: Outcome = written.outcome ?? (everyUtility ? 'qalys' : 'life-years');
  if (outcome === 'qalys' && !everyUtility) throw new Error('oracle: outcome qalys without a utility on every stratum');
  return {
    costs: written.discount?.costs ?? 0.025,
    outcomes: written.discount?.outcomes ?? 0.025,
    stateTime: written['state-time'] ?? 'half-cycle',
    outcome,
    threshold: written.threshold ?? 50000,
    thresholds: written.thresholds ?? DEFAULT_THRESHOLDS,
  };
}

/** The actors of the action nodes of the logigrammes that either arm's program runs. */
function actorsWithActions(workspace: Workspace, programs: Doc[]): Set<string> {
  const actors = new Set<string>();
  for (const program of programs) {
    for (const entry of Object.values((program.strata ?? {}) as Record<string, Doc>)) {
      const nodes = documentOf(workspace, 'Logigramme', entry.logigramme).nodes as Record<string, Doc>;
      for (const node of Object.values(nodes)) if (node.type === 'action') actors.add(node.actor as string);
    }
  }
  return actors;
}

/** docs "Discounting": d(y) = (1 + r)^(−t_y), t_y = y − ½ (half-cycle), y − 1 (start), y (end). */
export function discountFactor(rate: number, year: number, stateTime: StateTime): number {
  const t = stateTime === 'start' ? year - 1 : stateTime === 'end' ? year : year - 0.5;
  return Math.pow(1 + rate, -t);
}

/** Σ over y = 1…H of value(y), undiscounted and × d(y) at the rate. */
function overHorizon(horizon: number, rate: number, stateTime: StateTime, value: (year: number) => number): Totals {
  const totals = { undiscounted: 0, discounted: 0 };
  for (let year = 1; year <= horizon; year++) {
    const v = value(year);
    totals.undiscounted += v;
    totals.discounted += v * discountFactor(rate, year, stateTime);
  }
  return totals;
}

function addTo(lines: Lines, key: string, totals: Totals): void {
  const line = (lines[key] ??= { undiscounted: 0, discounted: 0 });
  line.undiscounted += totals.undiscounted;
  line.discounted += totals.discounted;
}

/** docs "The valuation lines", for one territory and arm. */
function armLines(model: ValuationModel, arm: ArmSeries, horizon: number, which: 'baseline' | 'program'): Lines {
  const { costs, outcomes, stateTime } = model.settings;
  const lines: Lines = Object.fromEntries(model.lines.map((key) => [key, { undiscounted: 0, discounted: 0 }]));
  const over = (rate: number, value: (year: number) => number) => overHorizon(horizon, rate, stateTime, value);
  const pt = (s: string, year: number) => personTime(arm.counts, s, year, stateTime);
  // Acts: the `cost` measure (persons × acts per person-year × cost per act), by the actor's payer.
  for (const [actor, series] of Object.entries(arm.cost)) addTo(lines, `acts/${model.actorPayer.get(actor) ?? DEFAULT_PAYER}`, over(costs, (y) => series[y - 1]!));
  for (const c of model.stateCosts) addTo(lines, `states/${c.payer}`, over(costs, (y) => pt(c.of, y) * inYear(c.value, y)));
  for (const c of model.eventCosts) addTo(lines, `events/${c.payer}`, over(costs, (y) => (arm.events[c.of]?.[y - 1] ?? 0) * central(c.value)));
  // Program costs: the `programCost` of the year (the oracle of the dynamics values them, `per-person-year` included).
  for (const c of model.programCosts[which]) addTo(lines, `program/${c.payer}`, over(costs, (y) => arm.programCost[c.of]![y - 1]!));
  const costLines = model.lines.filter((key) => key !== 'totalCost' && key !== 'lifeYears' && key !== 'qalys');
  lines.totalCost = {
    undiscounted: costLines.reduce((sum, key) => sum + lines[key]!.undiscounted, 0),
    discounted: costLines.reduce((sum, key) => sum + lines[key]!.discounted, 0),
  };
  for (const s of model.strata) {
    addTo(lines, 'lifeYears', over(outcomes, (y) => pt(s, y)));
    if (model.utilities) addTo(lines, 'qalys', over(outcomes, (y) => pt(s, y) * model.utilities!.get(s)!));
  }
  for (const key of Object.keys(lines)) if (!model.lines.includes(key)) throw new Error(`oracle: line ${key} is not in the model's lines`);
  return lines;
}

function sumLines(keys: string[], list: Lines[]): Lines {
  const sum: Lines = {};
  for (const key of keys) for (const lines of list) addTo(sum, key, lines[key]!);
  return sum;
}

function withDifference(baseline: Lines, program: Lines): { baseline: Lines; program: Lines; difference: Lines } {
  const difference: Lines = {};
  for (const key of Object.keys(baseline)) {
    difference[key] = { undiscounted: program[key]!.undiscounted - baseline[key]!.undiscounted, discounted: program[key]!.discounted - baseline[key]!.discounted };
  }
  return { baseline, program, difference };
}

/** docs "Decision", table of verdicts: a negative ratio is never given. */
export function verdictOf(dC: number, dE: number): { verdict: Verdict; icer: number | null } {
  if (dE > 0) return dC <= 0 ? { verdict: 'dominant', icer: null } : { verdict: 'more-costly-more-effective', icer: dC / dE };
  if (dE < 0) return dC >= 0 ? { verdict: 'dominated', icer: null } : { verdict: 'less-costly-less-effective', icer: dC / dE };
  return { verdict: dC < 0 ? 'dominant' : dC > 0 ? 'dominated' : 'equivalent', icer: null };
}

/**
 * docs "Decision" with one iteration (the expected mode): the means are the values, the share of
 * iterations with NMB > 0 is 1 or 0, and the EVPI mean max(NMB, 0) − max(mean NMB, 0) is 0. The
 * grid is `thresholds` with `threshold` added (docs "Settings").
 */
function decisionOf(settings: Settings, territory: string, people: number, difference: Lines): DecisionFigures {
  const dC = difference.totalCost!.discounted;
  const dE = difference[settings.outcome === 'qalys' ? 'qalys' : 'lifeYears']!.discounted;
  const { verdict, icer } = verdictOf(dC, dE);
  const at = (wtp: number): Acceptability => {
    const nmb = wtp * dE - dC;
    return { wtp, meanNmb: nmb, probabilityCostEffective: nmb > 0 ? 1 : 0, evpi: Math.max(nmb, 0) - Math.max(nmb, 0), optimal: nmb > 0 ? 'program' : 'baseline' };
  };
  const grid = [...new Set([...settings.thresholds, settings.threshold])].sort((a, b) => a - b);
  const headline = at(settings.threshold);
  return {
    territory,
    people,
    incrementalCost: dC,
    incrementalEffect: dE,
    icer,
    verdict,
    netMonetaryBenefit: headline.meanNmb,
    probabilityCostEffective: headline.probabilityCostEffective,
    evpi: { population: headline.evpi, perPerson: headline.evpi / people },
    acceptability: grid.map(at),
  };
}
