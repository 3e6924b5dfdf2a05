/**
 * The decision section of the report (issue 16): a small results object written by hand, with its
 * `decision` and `summaries[].economics`, turned into a report in French and English, and every
 * headline figure and table cell compared with the value it must show, written out here by hand
 * (narrow no-break space thousands, `[low ; high]` in French; `1,500` and `[low; high]` in English),
 * not computed with src/i18n/numbers.ts. Also: a results.json without `decision` has no such
 * section and no error; the ICER is never a negative ratio; events read the right way for
 * desirable and undesirable events and show their titles; the tornado and sweep files are read,
 * checked and drawn; the overlap rule that swaps two lines for their difference.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build.js';
import { linesOverlap } from '../../src/report/context.js';
import type { Block, KeyFigure, ReportDocument, Section } from '../../src/report/document.js';
import { reportHtml } from '../../src/report/html.js';
import { reportMarkdown } from '../../src/report/markdown.js';
import { type Results, ResultsSchema } from '../../src/sim/results.js';
import { runCli } from '../helpers/cli.js';

type Lang = 'fr' | 'en';
type ArmName = 'baseline' | 'program' | 'difference';
type Point = Results['summaries'][number]['totalCost'][number];
type Verdict = NonNullable<Results['decision']>['summaries'][number]['verdict'];

const N = '\u202f';
const HORIZON = 2;

/** A summary with its mean and 95 % interval; sd and median differ from all three, so that showing them would be seen. */
function point(mean: number, p025 = mean, p975 = mean): Point {
  return { mean, sd: Math.abs(mean) / 7 + 1, median: mean + 0.125, p025, p975, mcse: 0.01 };
}

// ---------------------------------------------------------------------------------------------
// All territories' figures (the `ensemble` summaries); nord and sud carry the same, unchecked.

/** Events: the difference (program − usual care) per year, with p025 = mean − 5 and p975 = mean + 4. */
const EVENT_DIFFERENCE: Record<string, [number, number]> = { 'nouveaux-diabetes': [-10, -20], retours: [3, 5], 'deces-diabetiques': [-1, -2] };
const EVENTS = [
  { name: 'nouveaux-diabetes', title: 'Nouveaux diabètes', desirable: false, transitions: ['S1->S2'] },
  { name: 'retours', title: 'Retours en population générale', desirable: true, transitions: ['S1->S0'] },
  // Written before issue 16: no title, no `desirable`.
  { name: 'deces-diabetiques', transitions: ['S2->dead'] },
];

/** Economic totals over the horizon, per line: [discounted mean, p025, p975], [undiscounted …], for the difference; arms' means. */
const ECONOMICS: Record<string, { baseline: [number, number]; program: [number, number]; discounted: [number, number, number]; undiscounted: [number, number, number] }> = {
  'acts/assurance-maladie': { baseline: [400_000, 420_000], program: [900_000, 950_000], discounted: [500_000, 450_000, 560_000], undiscounted: [530_000, 470_000, 600_000] },
  'states/assurance-maladie': { baseline: [2_000_000, 2_100_000], program: [1_700_000, 1_790_000], discounted: [-300_000, -400_000, -200_000], undiscounted: [-310_000, -420_000, -210_000] },
  'events/hopital': { baseline: [150_000, 160_000], program: [100_000, 106_000], discounted: [-50_000, -80_000, -20_000], undiscounted: [-54_000, -85_000, -22_000] },
  'program/ars': { baseline: [0, 0], program: [1_050_000, 1_100_000], discounted: [1_050_000, 1_000_000, 1_100_000], undiscounted: [1_100_000, 1_050_000, 1_150_000] },
  totalCost: { baseline: [2_550_000, 2_680_000], program: [3_750_000, 3_946_000], discounted: [1_200_000, 900_000, 1_500_000], undiscounted: [1_266_000, 950_000, 1_580_000] },
  lifeYears: { baseline: [3_000, 3_100], program: [3_055, 3_160], discounted: [55, 20, 90], undiscounted: [60, 22, 95] },
  qalys: { baseline: [2_000, 2_080], program: [2_040, 2_125], discounted: [40, 10, 70], undiscounted: [45, 12, 77] },
};
const LINES = Object.keys(ECONOMICS);

/** FTE in the last year: program [mean, p025, p975], difference the same; year 1 is 90 % of it. */
const FTE: Record<string, { program: [number, number, number]; difference: [number, number, number] }> = {
  gp: { program: [12, 10, 14], difference: [3, 2, 4] },
  nurse: { program: [6, 5, 8], difference: [6, 5, 8] },
  // Called on by nobody: not shown.
  pharmacist: { program: [0, 0, 0], difference: [0, 0, 0] },
};

/** nord's and sud's own differences of the lines the decision reads (the rest as all territories'). */
const TERRITORY_DIFFERENCES: Record<string, Record<string, [number, number, number]>> = {
  nord: { totalCost: [-100_000, -160_000, -40_000], qalys: [5, 1, 9] },
  sud: { totalCost: [80_000, 30_000, 130_000], qalys: [-2, -5, 1] },
};

function economics(territory: string, arm: ArmName): Results['summaries'][number]['economics'] {
  return Object.fromEntries(
    LINES.map((key) => {
      const e = ECONOMICS[key]!;
      const own = TERRITORY_DIFFERENCES[territory]?.[key];
      if (arm === 'difference') return [key, { discounted: point(...(own ?? e.discounted)), undiscounted: point(...e.undiscounted) }];
      const [discounted, undiscounted] = e[arm];
      return [key, { discounted: point(discounted, discounted - 1, discounted + 1), undiscounted: point(undiscounted, undiscounted - 1, undiscounted + 1) }];
    }),
  );
}

function measures(arm: ArmName): Results['summaries'][number]['measures'] {
  const years = (f: (y: number) => Point) => Array.from({ length: HORIZON }, (_, i) => f(i + 1));
  const events = Object.fromEntries(
    Object.entries(EVENT_DIFFERENCE).map(([name, diff]) => [name, years((y) => (arm === 'difference' ? point(diff[y - 1]!, diff[y - 1]! - 5, diff[y - 1]! + 4) : point(100 + (arm === 'program' ? diff[y - 1]! : 0))))]),
  );
  const fte = Object.fromEntries(
    Object.entries(FTE).map(([actor, f]) => {
      const last = arm === 'baseline' ? [f.program[0] - f.difference[0], f.program[1] - f.difference[0], f.program[2] - f.difference[0]] : arm === 'program' ? f.program : f.difference;
      return [actor, years((y) => (y === HORIZON ? point(last[0]!, last[1], last[2]) : point(last[0]! * 0.9)))];
    }),
  );
  const counts = Object.fromEntries(['S0', 'S1', 'S2', 'dead'].map((s) => [s, Array.from({ length: HORIZON + 1 }, () => point(arm === 'difference' ? 0 : 1_000))]));
  return { counts, flows: {}, events, inflows: {}, persons: {}, volumes: { a1: years(() => point(50)) }, minutes: {}, fte, cost: { gp: years(() => point(1_000)) } };
}

function decisionSummary(territory: string, verdict: Verdict, cost: number, effect: number, icer: number | null): NonNullable<Results['decision']>['summaries'][number] {
  return {
    territory,
    people: 10_000,
    incrementalCost: cost,
    incrementalEffect: effect,
    icer,
    verdict,
    netMonetaryBenefit: 50_000 * effect - cost,
    probabilityCostEffective: 0.84,
    evpi: { perPerson: 1.5, population: 12_345 },
    acceptability: [
      { wtp: 0, meanNmb: -cost, probabilityCostEffective: 0.02, evpi: 10, optimal: 'baseline' },
      { wtp: 50_000, meanNmb: 50_000 * effect - cost, probabilityCostEffective: 0.84, evpi: 12_345, optimal: 'program' },
      { wtp: 100_000, meanNmb: 100_000 * effect - cost, probabilityCostEffective: 0.97, evpi: 800, optimal: 'program' },
    ],
  };
}

function makeResults(verdicts: { ensemble?: [Verdict, number, number, number | null]; lines?: string[] } = {}): Results {
  const lines = verdicts.lines ?? LINES;
  const summaries: Results['summaries'] = [];
  for (const territory of ['ensemble', 'nord', 'sud']) {
    for (const arm of ['baseline', 'program', 'difference'] as const) {
      for (const scale of ['count', 'per100k'] as const) {
        const all = economics(territory, arm)!;
        summaries.push({ territory, scale, arm, measures: measures(arm), totalCost: Array.from({ length: HORIZON }, () => point(1_000)), economics: Object.fromEntries(lines.map((k) => [k, all[k]!])) });
      }
    }
  }
  const [verdict, cost, effect, icer] = verdicts.ensemble ?? ['more-costly-more-effective', 1_200_000, 40, 30_000];
  const ensemble = { ...decisionSummary('ensemble', verdict, cost, effect, icer), plane: { cost: [1_000_000, 1_300_000, -200_000, 1_500_000], effect: [30, 50, 2, -10] } };
  const results = {
    manifest: { tool: 'logi', version: '9.9.9', scenario: 'decision', pyramid: 'dt2', seed: 7, iterations: 500, mode: 'psa', horizon: HORIZON, cyclesPerYear: 1, streams: 'test', inputs: [] },
    years: [0, 1, 2],
    states: [
      { id: 'S0', title: 'Population générale', exit: false },
      { id: 'S1', title: 'À risque', exit: false },
      { id: 'S2', title: 'Diabète', exit: false },
      { id: 'dead', title: 'Décès', exit: true },
    ],
    transitions: ['S1->S2', 'S1->S0', 'S2->dead'],
    events: EVENTS,
    actions: [{ id: 'a1', logigramme: 'lg', node: 'visit', label: 'Consultation', actor: 'gp' }],
    actors: [
      { id: 'gp', title: 'Médecin généraliste', fteMinutesPerYear: 96_000 },
      { id: 'nurse', title: 'Infirmier', fteMinutesPerYear: 96_000 },
      { id: 'pharmacist', title: 'Pharmacien', fteMinutesPerYear: 96_000 },
    ],
    // gp: 5 + 6 = 11 FTE for all territories, below the 12 needed: a shortfall. nurse: sud gives none.
    territories: [
      { id: 'nord', title: 'Nord (GHT du Nord)', population: 200_000, workforce: { gp: 5, nurse: 4 } },
      { id: 'sud', title: 'Sud', population: 100_000, workforce: { gp: 6 } },
    ],
    arms: { baseline: { id: 'usuel', title: 'Soins courants' }, program: { id: 'pionnier', title: 'Parcours pionnier' } },
    logigrammes: [],
    summaries,
    economics: { discount: { costs: 0.025, outcomes: 0.025 }, stateTime: 'half-cycle', outcome: 'qalys', threshold: 50_000, payers: ['assurance-maladie', 'hopital', 'ars'], lines },
    decision: { outcome: 'qalys', threshold: 50_000, summaries: [decisionSummary('nord', 'dominant', -100_000, 5, null), decisionSummary('sud', 'dominated', 80_000, -2, null), ensemble] },
    overlay: [],
  };
  return ResultsSchema.parse(results);
}

// ---------------------------------------------------------------------------------------------

const SENSITIVITY = {
  manifest: { tool: 'logi', version: '9.9.9', scenario: 'decision', seed: 7, mode: 'expected', inputs: [] },
  outcome: { id: 'net-cost', title: 'Coût net', unit: '€' },
  territory: 'ensemble',
  base: 1_000_000,
  // Written out of order: the report sorts by width, widest first.
  oneWay: [
    { parameter: 'cout-sejour', place: 'pyramid.yaml:10:5', low: { value: 800, outcome: 950_000 }, high: { value: 1_200, outcome: 1_040_000 }, width: 90_000 },
    { parameter: 'efficacite-programme', place: 'programs.yaml:4:7', low: { value: 0.1, outcome: 1_300_000 }, high: { value: 0.5, outcome: 700_000 }, width: 600_000 },
    { parameter: 'couverture-s1', place: 'programs.yaml:8:7', low: { value: 0.2, outcome: 900_000 }, high: { value: 0.6, outcome: 1_150_000 }, width: 250_000 },
  ],
  regression: { iterations: 1_000, rSquared: 0.93, terms: [{ parameter: 'couverture-s1', coefficient: 80_000 }, { parameter: 'efficacite-programme', coefficient: -150_000 }], dropped: [] },
};
const SWEEP = {
  manifest: { tool: 'logi', version: '9.9.9', scenario: 'decision', seed: 7, mode: 'psa', inputs: [] },
  vary: { path: 'coverage.S1', title: 'Couverture S1', values: [0.1, 0.5, 0.8] },
  territory: 'nord',
  outcomes: [
    { id: 'events:nouveaux-diabetes', title: 'Nouveaux diabètes', unit: 'événements' },
    { id: 'net-cost', title: 'Coût net', unit: '€' },
  ],
  points: [
    { value: 0.1, outcomes: { 'events:nouveaux-diabetes': { mean: -50, p025: -70, p975: -30 }, 'net-cost': { mean: 100_000, p025: 80_000, p975: 120_000 } } },
    { value: 0.5, outcomes: { 'events:nouveaux-diabetes': { mean: -250, p025: -300, p975: -200 }, 'net-cost': { mean: 500_000, p025: 450_000, p975: 560_000 } } },
    { value: 0.8, outcomes: { 'events:nouveaux-diabetes': { mean: -400, p025: -470, p975: -330 }, 'net-cost': { mean: 800_000, p025: 700_000, p975: 900_000 } } },
  ],
};

const section = (doc: ReportDocument, id: string): Section => {
  const found = doc.sections.find((s) => s.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
};
const blocksOf = <K extends Block['kind']>(doc: ReportDocument, id: string, kind: K) => section(doc, id).blocks.filter((b): b is Extract<Block, { kind: K }> => b.kind === kind);
const tableTexts = (doc: ReportDocument, id: string, index = 0) => {
  const table = blocksOf(doc, id, 'table')[index]!;
  return { header: table.header, rows: table.rows.map((r) => r.map((c) => c.text)) };
};
const figures = (doc: ReportDocument): Record<string, KeyFigure> => Object.fromEntries(blocksOf(doc, 'decision', 'figures')[0]!.items.map((f) => [f.id, f]));

const reports = {} as Record<Lang, ReportDocument>;
let withExtras: ReportDocument;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'logi-report-decision-'));

beforeAll(async () => {
  reports.fr = await buildReport(makeResults(), { lang: 'fr' });
  reports.en = await buildReport(makeResults(), { lang: 'en' });
  const { SensitivitySchema, SweepSchema } = await import('../../src/report/decision-inputs.js');
  withExtras = await buildReport(makeResults(), { lang: 'fr', sensitivity: SensitivitySchema.parse(SENSITIVITY), sweep: SweepSchema.parse(SWEEP) });
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the decision section opens the report', () => {
  it('comes first, then the summary; its parts in order', () => {
    const ids = reports.fr.sections.map((s) => s.id);
    expect(ids.slice(0, 5)).toEqual(['decision', 'decision-incertitude', 'decision-couts', 'decision-territoires', 'synthese']);
    expect(section(reports.fr, 'decision').title).toBe('Décision');
    expect(section(reports.en, 'decision').title).toBe('Decision');
    const extras = withExtras.sections.map((s) => s.id);
    expect(extras.slice(0, 6)).toEqual(['decision', 'decision-incertitude', 'decision-tornade', 'decision-balayage', 'decision-couts', 'decision-territoires']);
  });

  it('a results.json written before issue 16 (no decision, no economics) gives a report without it, and no error', async () => {
    const older = makeResults() as unknown as Record<string, unknown>;
    delete older.decision;
    delete older.economics;
    for (const s of older.summaries as Record<string, unknown>[]) delete s.economics;
    const doc = await buildReport(ResultsSchema.parse(older), { lang: 'en' });
    expect(doc.sections.map((s) => s.id)).not.toContain('decision');
    expect(doc.sections[0]!.id).toBe('synthese');
    // Its summary keeps the events table (the decision has it otherwise).
    expect(blocksOf(doc, 'synthese', 'table')).toHaveLength(1);
    expect(blocksOf(reports.en, 'synthese', 'table')).toHaveLength(0);
    expect(reportHtml(doc)).not.toMatch(/NaN|undefined|Infinity|\[object /);
  });
});

describe('the headline figures', () => {
  it('in French: net cost, costs averted, QALYs, ICER, probability, NMB and EVPI, each interval its own figure’s', () => {
    const f = figures(reports.fr);
    expect(Object.keys(f)).toEqual(['net-cost', 'costs-averted', 'effect', 'icer', 'probability', 'nmb', 'evpi']);
    expect(f['net-cost']).toMatchObject({ term: 'Coût net du programme', value: `1,2${N}M${N}€`, interval: `[900${N}000${N}€ ; 1,5${N}M${N}€]` });
    // −(−300 000 − 50 000): two lines summarised each on its own, so no interval.
    expect(f['costs-averted']).toMatchObject({ value: `350${N}000${N}€` });
    expect(f['costs-averted']!.interval).toBeUndefined();
    expect(f['costs-averted']!.note).toContain('states/assurance-maladie + events/hopital');
    expect(f['effect']).toMatchObject({ term: 'QALY gagnés', value: '40', interval: '[10 ; 70]' });
    expect(f['icer']).toMatchObject({ value: `30${N}000${N}€ par QALY gagné` });
    expect(f['icer']!.note).toBe(`Plus coûteux et plus efficace\u00a0; coût-efficace au seuil de 50${N}000${N}€ par QALY`);
    expect(f['probability']).toMatchObject({ term: `Probabilité d’être coût-efficace à 50${N}000${N}€ par QALY`, value: `84,0${N}%` });
    // 50 000 × 40 − 1 200 000 = 800 000.
    expect(f['nmb']).toMatchObject({ value: `800${N}000${N}€` });
    expect(f['evpi']).toMatchObject({ value: `12${N}345${N}€` });
    expect(f['evpi']!.note).toContain(`2${N}€ par personne`);
  });

  it('in English', () => {
    const f = figures(reports.en);
    expect(f['net-cost']).toMatchObject({ term: 'Net cost of the program', value: '€1.2M', interval: '[€900,000; €1.5M]' });
    expect(f['effect']).toMatchObject({ term: 'QALYs gained', value: '40', interval: '[10; 70]' });
    expect(f['icer']).toMatchObject({ value: '€30,000 per QALY gained' });
    expect(f['probability']).toMatchObject({ value: '84.0%' });
  });

  it('costs averted with one such line: its interval, bounds negated and exchanged', async () => {
    const doc = await buildReport(makeResults({ lines: LINES.filter((k) => k !== 'events/hopital') }), { lang: 'en' });
    // −(−300 000) with the interval [−(−200 000); −(−400 000)].
    expect(figures(doc)['costs-averted']).toMatchObject({ value: '€300,000', interval: '[€200,000; €400,000]' });
  });

  it.each([
    ['dominant', -100_000, 5, null, 'Programme dominant', 'Dominant'],
    ['dominated', 80_000, -2, null, 'Programme dominé', 'Dominated'],
    ['equivalent', 0, 0, null, 'Équivalent', 'Equivalent'],
    ['less-costly-less-effective', -300_000, -10, 30_000, `30${N}000${N}€ économisés par QALY perdu`, '€30,000 saved per QALY lost'],
  ] as const)('ICER when %s: in words, never a negative ratio', async (verdict, cost, effect, icer, fr, en) => {
    for (const [lang, expected] of [['fr', fr], ['en', en]] as const) {
      const doc = await buildReport(makeResults({ ensemble: [verdict, cost, effect, icer] }), { lang });
      expect(figures(doc)['icer']!.value).toBe(expected);
      expect(figures(doc)['icer']!.value).not.toMatch(/[−-]\s*€?\d/);
    }
  });
});

describe('the tables of the decision', () => {
  it('events: titles, never raw ids; averted for events to avoid (usual care − program), more for events to seek (program − usual care)', () => {
    const fr = tableTexts(reports.fr, 'decision', 0);
    expect(fr.header).toEqual(['Événement', 'Effet', "Cumul sur l'horizon (moyenne)", 'Dernière année, moyenne [intervalle à 95 %]']);
    expect(fr.rows).toEqual([
      // Difference −10, −20, interval [mean − 5, mean + 4]: averted 10 + 20 = 30; last year 20 [16 ; 25].
      ['Nouveaux diabètes', 'Évités', '30', '20 [16 ; 25]'],
      // Difference 3, 5: more 8; last year 5 [0 ; 9].
      ['Retours en population générale', 'En plus', '8', '5 [0 ; 9]'],
      // No title (results of an earlier logi): the name made readable; no `desirable`: to avoid.
      ['Deces diabetiques', 'Évités', '3', '2 [−2 ; 7]'],
    ]);
    expect(tableTexts(reports.en, 'decision', 0).rows[1]).toEqual(['Retours en population générale', 'More', '8', '5 [0; 9]']);
  });

  it('FTE: shortfalls first, then by FTE over usual care; the workforce of all territories when each gives it', () => {
    const fr = tableTexts(reports.fr, 'decision', 1);
    expect(fr.header).toEqual(['Profession', 'ETP nécessaires (programme, dernière année)', 'En plus des soins courants (dernière année)', 'Effectif disponible (ETP)', '']);
    expect(fr.rows).toEqual([
      // 12 > 5 + 6.
      ['Médecin généraliste', '12 [10 ; 14]', '3 [2 ; 4]', '11', 'Déficit'],
      // sud gives no nurse: no workforce for all territories.
      ['Infirmier', '6 [5 ; 8]', '6 [5 ; 8]', '—', 'Effectif non renseigné'],
    ]);
  });

  it('costs by payer and category, discounted and undiscounted, the difference with its interval', () => {
    const en = tableTexts(reports.en, 'decision-couts');
    expect(en.header).toEqual([
      'Item',
      'Payer',
      'Usual care (discounted)',
      'Program (discounted)',
      'Difference [95 % interval] (discounted)',
      'Usual care (undiscounted)',
      'Program (undiscounted)',
      'Difference [95 % interval] (undiscounted)',
    ]);
    expect(en.rows).toEqual([
      ['Acts of the logigrammes', 'assurance-maladie', '€400,000', '€900,000', '€500,000 [€450,000; €560,000]', '€420,000', '€950,000', '€530,000 [€470,000; €600,000]'],
      ['Strata (yearly cost of care)', 'assurance-maladie', '€2M', '€1.7M', '−€300,000 [−€400,000; −€200,000]', '€2.1M', '€1.79M', '−€310,000 [−€420,000; −€210,000]'],
      ['Events', 'hopital', '€150,000', '€100,000', '−€50,000 [−€80,000; −€20,000]', '€160,000', '€106,000', '−€54,000 [−€85,000; −€22,000]'],
      ['The program’s own costs', 'ars', '€0', '€1.05M', '€1.05M [€1M; €1.1M]', '€0', '€1.1M', '€1.1M [€1.05M; €1.15M]'],
      ['Total cost', '', '€2.55M', '€3.75M', '€1.2M [€900,000; €1.5M]', '€2.68M', '€3.95M', '€1.27M [€950,000; €1.58M]'],
    ]);
  });

  it('per territory: the ICER or the dominance case, then all territories', () => {
    const fr = tableTexts(reports.fr, 'decision-territoires');
    expect(fr.rows.map((r) => [r[0], r[3], r[4]])).toEqual([
      ['Nord', 'Programme dominant', `84,0${N}%`],
      ['Sud', 'Programme dominé', `84,0${N}%`],
      ['Ensemble des territoires', `30${N}000${N}€ par QALY gagné`, `84,0${N}%`],
    ]);
    // Each territory's net cost and QALYs with the intervals of its own lines.
    expect(fr.rows[0]!.slice(1, 3)).toEqual([`−100${N}000${N}€ [−160${N}000${N}€ ; −40${N}000${N}€]`, '5 [1 ; 9]']);
    expect(fr.rows[1]!.slice(1, 3)).toEqual([`80${N}000${N}€ [30${N}000${N}€ ; 130${N}000${N}€]`, '−2 [−5 ; 1]']);
  });
});

describe('the charts of the decision', () => {
  it('the plane has one point per iteration kept, their mean and the threshold line; the curve one point per willingness to pay', () => {
    const group = blocksOf(reports.en, 'decision-incertitude', 'group')[0]!;
    const [plane, curve] = group.blocks;
    expect(plane!.id).toBe('decision-plan');
    // vega draws each point as a path in the symbol mark: 4 iterations + the mean; the line is one path.
    const symbols = (svg: string) => [...svg.matchAll(/<g class="mark-symbol role-mark[^"]*"[^>]*>([\s\S]*?)<\/g>/g)].map((m) => (m[1]!.match(/<path /g) ?? []).length);
    expect(symbols(plane!.svg).sort()).toEqual([1, 4]);
    expect(plane!.svg).toContain('Threshold €50,000 per QALY');
    expect(curve!.svg).toMatch(/mark-line/);
    // The curve's points: three willingness-to-pay values.
    expect(symbols(curve!.svg)).toEqual([3]);
  });

  it('the tornado: bars widest first, the table has every parameter; the regression’s fit', () => {
    const figure = blocksOf(withExtras, 'decision-tornade', 'figure')[0]!;
    const labels = [...figure.svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
    const order = ['efficacite-programme', 'couverture-s1', 'cout-sejour'].map((p) => labels.indexOf(p));
    expect(order.every((i) => i >= 0)).toBe(true);
    // vega writes the y axis labels top down: widest first.
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Two bars per parameter.
    expect((figure.svg.match(/<path[^>]*aria-roledescription="bar"/g) ?? []).length).toBe(6);
    const table = tableTexts(withExtras, 'decision-tornade');
    expect(table.rows.map((r) => r[0])).toEqual(['efficacite-programme', 'couverture-s1', 'cout-sejour']);
    expect(table.rows[0]).toEqual(['efficacite-programme', 'programs.yaml:4:7', `0,1 → 1${N}300${N}000`, `0,5 → 700${N}000`, `600${N}000`]);
    const notes = blocksOf(withExtras, 'decision-tornade', 'paragraph').map((p) => p.text).join(' ');
    expect(notes).toContain('R² = 0,93');
    expect(notes).toContain(`1${N}000 itérations`);
  });

  it('the sweep: one panel per outcome against the varied value, and its table', () => {
    const figure = blocksOf(withExtras, 'decision-balayage', 'figure')[0]!;
    expect(figure.svg).toContain('Nouveaux diabètes (événements)');
    expect(figure.svg).toContain('Couverture S1 (coverage.S1)');
    const table = tableTexts(withExtras, 'decision-balayage');
    expect(table.header).toEqual(['Couverture S1', 'Nouveaux diabètes (événements)', 'Coût net (€)']);
    expect(table.rows[1]).toEqual(['0,5', `−250 [−300 ; −200]`, `500${N}000 [450${N}000 ; 560${N}000]`]);
  });
});

describe('what the sensitivity and sweep commands write when an outcome has no value', () => {
  it('an ICER without base case: one bar between the two outcomes, no base line; a bar without width only in the table; a sweep point in a dominance case in words', async () => {
    const { SensitivitySchema, SweepSchema } = await import('../../src/report/decision-inputs.js');
    const sensitivity = SensitivitySchema.parse({
      ...SENSITIVITY,
      outcome: { id: 'icer', title: 'RDCR', unit: '€/QALY' },
      base: null,
      oneWay: [
        { parameter: 'refuse', path: null, place: 'a.yaml:1:1', low: { value: -1, outcome: null, note: 'hors de [0, 1]' }, high: { value: 2, outcome: 40_000 }, width: null },
        { parameter: 'efficacite', path: 'programs/p/x', place: 'a.yaml:2:1', low: { value: 0.1, outcome: 60_000 }, high: { value: 0.5, outcome: 20_000 }, width: 40_000 },
      ],
      regression: null,
    });
    const sweep = SweepSchema.parse({ ...SWEEP, outcomes: [{ id: 'icer', title: 'RDCR', unit: '€/QALY' }], points: [{ value: 0.1, outcomes: { icer: { mean: null, p025: null, p975: null, verdict: 'dominated' } } }, { value: 0.5, outcomes: { icer: { mean: 30_000, p025: null, p975: null, verdict: 'more-costly-more-effective' } } }] });
    const doc = await buildReport(makeResults(), { lang: 'fr', sensitivity, sweep });
    const figure = blocksOf(doc, 'decision-tornade', 'figure')[0]!;
    // One bar (the measured parameter), no rule for the base.
    expect((figure.svg.match(/<path[^>]*aria-roledescription="bar"/g) ?? []).length).toBe(1);
    expect(figure.svg).not.toMatch(/mark-rule role-mark/);
    expect(figure.svg).not.toContain('refuse');
    expect(tableTexts(doc, 'decision-tornade').rows).toEqual([
      ['efficacite', 'a.yaml:2:1', `0,1 → 60${N}000`, `0,5 → 20${N}000`, `40${N}000`],
      ['refuse', 'a.yaml:1:1', '−1 → — (hors de [0, 1])', `2 → 40${N}000`, '—'],
    ]);
    expect(tableTexts(doc, 'decision-balayage').rows).toEqual([
      ['0,1', 'Programme dominé'],
      ['0,5', `30${N}000`],
    ]);
  });
});

describe('HTML and Markdown', () => {
  it('the headline figures as cards with their id in HTML, as a list in Markdown', () => {
    const html = reportHtml(reports.fr);
    expect(html).toContain(`<div class="key-figure" data-figure="net-cost"><div class="term">Coût net du programme</div><div class="value">1,2${N}M${N}€</div><div class="ci">[900${N}000${N}€ ; 1,5${N}M${N}€]</div>`);
    expect(html.indexOf('id="decision"')).toBeLessThan(html.indexOf('id="synthese"'));
    expect(html).toContain('<div class="side-by-side"><figure class="chart" id="decision-plan"');
    const { markdown } = reportMarkdown(reports.en, 'charts');
    expect(markdown).toContain('## Decision');
    expect(markdown).toContain('- **Net cost of the program**: €1.2M \\[€900,000; €1.5M\\] — *program − usual care, all costs, discounted*');
    expect(markdown).toContain('| Nouveaux diabètes | Averted | 30 | 20 \\[16; 25\\] |');
    expect(html).not.toMatch(/NaN|undefined|Infinity|\[object /);
    expect(markdown).not.toMatch(/NaN|undefined|Infinity|\[object /);
  });
});

describe('logi report --sensitivity FILE --sweep FILE', () => {
  it('draws both; refuses a file that is not one, or of another scenario, with the JSON path and a hint', () => {
    const files = { results: path.join(tmp, 'results.json'), sensitivity: path.join(tmp, 'sensitivity.json'), sweep: path.join(tmp, 'sweep.json') };
    writeFileSync(files.results, `${JSON.stringify(makeResults())}\n`);
    writeFileSync(files.sensitivity, JSON.stringify(SENSITIVITY));
    writeFileSync(files.sweep, JSON.stringify(SWEEP));
    const out = path.join(tmp, 'report.html');
    const run = runCli(['report', files.results, '--sensitivity', files.sensitivity, '--sweep', files.sweep, '--out', out, '--lang', 'en']);
    expect(run.status, run.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('id="decision-tornade"');
    expect(html).toContain('id="decision-balayage"');

    const broken = path.join(tmp, 'broken.json');
    writeFileSync(broken, JSON.stringify({ ...SENSITIVITY, oneWay: [{ parameter: 'x' }] }));
    const wrong = runCli(['report', files.results, '--sensitivity', broken, '--lang', 'en']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/broken\.json: not a sensitivity file of logi: at `oneWay\.0\.place`/);
    expect(wrong.stderr).toMatch(/hint:/);

    const other = path.join(tmp, 'other.json');
    writeFileSync(other, JSON.stringify({ ...SWEEP, manifest: { ...SWEEP.manifest, scenario: 'autre' } }));
    const otherRun = runCli(['report', files.results, '--sweep', other, '--lang', 'fr']);
    expect(otherRun.status).toBe(2);
    expect(otherRun.stderr).toContain('other.json porte sur le scénario autre, les résultats sur le scénario decision');
  }, 120_000);
});

describe('two lines told apart, or their difference', () => {
  const series = (means: number[], spread = 10) => means.map((m) => point(m, m - spread, m + spread));
  it('lines under 3 % of the panel’s height apart overlap; farther apart they do not', () => {
    // Panel from 0 to 1 010 (the band's top): 3 % is 30.3; a gap of 30 overlaps, 31 does not.
    const base = series([1_000, 1_000]);
    expect(linesOverlap({ base, prog: series([1_000, 970]), diff: series([0, -30]) })).toBe(true);
    expect(linesOverlap({ base, prog: series([1_000, 969]), diff: series([0, -31]) })).toBe(false);
    // Negative values: the panel spans from the lowest band to 0.
    expect(linesOverlap({ base: series([-100, -100], 0), prog: series([-100, -97.5], 0), diff: series([0, 2.5], 0) })).toBe(true);
    // Nothing at all (a flat zero): nothing to tell apart, the arms are shown.
    expect(linesOverlap({ base: series([0, 0], 0), prog: series([0, 0], 0), diff: series([0, 0], 0) })).toBe(false);
  });
});
