/**
 * The report's numbers against results.json: a small hand-written results object whose every
 * summary field carries its own recognisable value, turned into a report in French and in English,
 * and every table cell compared with the value it must show, formatted the way the report promises
 * (thin-space thousands and `[low ; high]` in French, `1,234` and `[low; high]` in English).
 *
 * The oracle is the test's own: which arm, which year and which percentile each cell shows is
 * written out here from what the report says it shows, and numbers are formatted with
 * Intl.NumberFormat (not src/i18n/numbers.ts). A few cells are also written out in full by hand, so
 * that the oracle itself is checked. A swap of p025 and p975, of baseline and program, a year off by
 * one or the wrong arm in any table changes at least one cell.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build.js';
import { formatEuros } from '../../src/i18n/numbers.js';
import type { Block, Cell, ReportDocument, Section } from '../../src/report/document.js';
import { type Results, ResultsSchema } from '../../src/sim/results.js';

type Lang = 'fr' | 'en';
type ArmName = 'baseline' | 'program' | 'difference';
type Scale = 'count' | 'per100k';
type Summary = Results['summaries'][number]['totalCost'][number];
/** [mean, p025, p975] */
type Triple = readonly [number, number, number];

const NNBSP = '\u202f';
const HORIZON = 2;

// ---------------------------------------------------------------------------------------------
// The results object.
//
// Codes that make every value recognisable: territory T (nord 1, sud 2, all territories 3), stratum
// S (S1 1, S2 2, DC 3), event E (hospitalisation 1, amputation 2), action A (1…3), year Y.
// Difference = program − baseline by construction (the mean; the interval is its own).

const TERRITORIES = [
  { id: 'nord', title: 'Nord (GHT du Nord)', population: 250_000, workforce: { gp: 40, nurse: 5, podiatrist: 10 } as Record<string, number> },
  { id: 'sud', title: 'Sud', population: 150_000, workforce: { gp: 30, podiatrist: 1 } as Record<string, number> },
];
const KEYS = ['ensemble', 'nord', 'sud'] as const;
type Key = (typeof KEYS)[number];
const T: Record<Key, number> = { nord: 1, sud: 2, ensemble: 3 };
const POPULATION: Record<Key, number> = { nord: 250_000, sud: 150_000, ensemble: 400_000 };

const STATES = [
  { id: 'S1', title: 'Sans complication', exit: false },
  { id: 'S2', title: 'Avec complication', exit: false },
  { id: 'DC', title: 'Décès', exit: true },
];
const EVENTS = [
  { name: 'hospitalisation', transitions: ['S2->DC'] },
  { name: 'amputation-majeure', transitions: ['S1->S2'] },
];
const ACTORS = [
  { id: 'gp', title: 'Médecin généraliste', fteMinutesPerYear: 96_000 },
  { id: 'nurse', title: 'Infirmier', fteMinutesPerYear: 96_000 },
  { id: 'podiatrist', title: 'Podologue', fteMinutesPerYear: 96_000 },
  // No demand anywhere: not shown in the working-time tables.
  { id: 'pharmacist', title: 'Pharmacien', fteMinutesPerYear: 96_000 },
];
const ACTIONS = [
  { id: 'a1', logigramme: 'lg-s1', node: 'visit', label: 'Consultation de suivi', actor: 'gp' },
  { id: 'a2', logigramme: 'lg-s1', node: 'teach', label: 'Éducation thérapeutique', actor: 'nurse' },
  { id: 'a3', logigramme: 'lg-s2', node: 'foot', label: 'Soins de pied', actor: 'podiatrist' },
];

/** Interval offsets per arm: low = mean − first, high = mean + second. */
const SPREAD: Record<ArmName, [number, number]> = { baseline: [50, 70], program: [60, 80], difference: [30, 20] };
const spread = (arm: ArmName, mean: number): Triple => [mean, mean - SPREAD[arm][0], mean + SPREAD[arm][1]];
const pick = (arm: ArmName, b: number, d: number): number => (arm === 'baseline' ? b : arm === 'difference' ? d : b + d);

/** People in a state (year 0…horizon): baseline T S Y 100, difference −(T S Y). */
function peopleCount(key: Key, arm: ArmName, s: number, y: number): Triple {
  return spread(arm, pick(arm, T[key] * 100_000 + s * 10_000 + y * 1_000 + 100, -(T[key] * 100 + s * 10 + y)));
}
/** Events per year (1…horizon): baseline T E Y 5 (thousands), difference −(T E Y): events averted = T E Y. */
function eventCount(key: Key, arm: ArmName, e: number, y: number): Triple {
  return spread(arm, pick(arm, T[key] * 1_000 + e * 100 + y * 10 + 5, -(T[key] * 100 + e * 10 + y)));
}
/** Acts per year: baseline T A Y 50 (tens of thousands), difference +(T A Y). */
function volumeCount(key: Key, arm: ArmName, a: number, y: number): Triple {
  return spread(arm, pick(arm, T[key] * 10_000 + a * 1_000 + y * 100 + 50, T[key] * 100 + a * 10 + y));
}
/** Total cost per year: baseline T.Y2 M€, difference T Y 300 €; their own spreads so that 3 significant digits tell them apart. */
function costEuros(key: Key, arm: ArmName, y: number): Triple {
  const b = T[key] * 1_000_000 + y * 100_000 + 20_000;
  const d = T[key] * 10_000 + y * 1_000 + 300;
  if (arm === 'baseline') return [b, b - 40_000, b + 60_000];
  if (arm === 'program') return [b + d, b + d - 30_000, b + d + 90_000];
  return [d, d - 2_000, d + 3_000];
}

/**
 * FTE per year (years 1, 2) under the program, chosen against the workforce for each status:
 * nord: gp mean 45.5 > 40 (shortfall); nurse mean 4.25 ≤ 5 < p975 5.75 (possible shortfall);
 * podiatrist p975 2.75 ≤ 10 (covered). sud: gp p975 exactly 30 = workforce (covered: "exceeds" is
 * strict); nurse has no workforce; podiatrist 1.75 > 1 (shortfall). All territories: the
 * workforce is the sum when every territory gives it: gp 70 < p975 72.5 (possible shortfall);
 * nurse not given in sud (no workforce); podiatrist 11 (covered).
 */
const PROGRAM_FTE: Record<Key, Record<string, [Triple, Triple]>> = {
  nord: { gp: [[42.5, 38.5, 46.5], [45.5, 41.5, 49.5]], nurse: [[3.25, 2.25, 4.5], [4.25, 3.5, 5.75]], podiatrist: [[1.5, 1.25, 1.75], [2.5, 2.25, 2.75]] },
  sud: { gp: [[18.5, 12.5, 26.5], [20.5, 14.5, 30]], nurse: [[2.75, 2.5, 3.25], [3.75, 3.25, 4.5]], podiatrist: [[1.25, 0.75, 1.5], [1.75, 1.25, 2.25]] },
  ensemble: { gp: [[61.5, 55.5, 66.5], [65.5, 60.5, 72.5]], nurse: [[6.25, 5.5, 7.25], [7.75, 6.5, 9.25]], podiatrist: [[2.75, 2.25, 3.5], [4.25, 3.5, 5.25]] },
};
/** Baseline FTE = 0.8 × program (every field); difference = 0.2 × program mean with its own interval. */
function fte(key: Key, arm: ArmName, actor: string, y: number): Triple {
  const program = PROGRAM_FTE[key][actor]?.[y - 1] ?? ([0, 0, 0] as const);
  if (arm === 'program') return program;
  if (arm === 'baseline') return [program[0] * 0.8, program[1] * 0.8, program[2] * 0.8];
  const d = program[0] * 0.2;
  return [d, d - 0.5, d + 0.75];
}

function summary([mean, p025, p975]: Triple): Summary {
  // Median and sd differ from every shown field, so that showing them instead would be seen.
  return { mean, sd: Math.abs(mean) / 10 + 1, median: mean + Math.abs(mean) / 5 + 3, p025, p975, mcse: 0.25 };
}

function per100k(key: Key, scale: Scale, [mean, p025, p975]: Triple): Triple {
  if (scale === 'count') return [mean, p025, p975];
  const f = 100_000 / POPULATION[key];
  return [mean * f, p025 * f, p975 * f];
}

const yearsFrom1 = Array.from({ length: HORIZON }, (_, i) => i + 1);
const yearsFrom0 = Array.from({ length: HORIZON + 1 }, (_, i) => i);

function makeResults(): Results {
  const summaries: Results['summaries'] = [];
  for (const key of KEYS) {
    for (const arm of ['baseline', 'program', 'difference'] as const) {
      for (const scale of ['count', 'per100k'] as const) {
        const series = (f: (y: number) => Triple, years: number[]) => years.map((y) => summary(per100k(key, scale, f(y))));
        summaries.push({
          territory: key,
          scale,
          arm,
          measures: {
            counts: Object.fromEntries(STATES.map((s, i) => [s.id, series((y) => peopleCount(key, arm, i + 1, y), yearsFrom0)])),
            flows: {},
            events: Object.fromEntries(EVENTS.map((e, i) => [e.name, series((y) => eventCount(key, arm, i + 1, y), yearsFrom1)])),
            inflows: {},
            persons: {},
            volumes: Object.fromEntries(ACTIONS.map((a, i) => [a.id, series((y) => volumeCount(key, arm, i + 1, y), yearsFrom1)])),
            minutes: {},
            fte: Object.fromEntries(ACTORS.map((a) => [a.id, series((y) => fte(key, arm, a.id, y), yearsFrom1)])),
            cost: {},
          },
          totalCost: series((y) => costEuros(key, arm, y), yearsFrom1),
        });
      }
    }
  }
  const node = (id: string, type: 'start' | 'action' | 'end', label: string, actor?: string) => ({ id, type, label, ...(actor ? { actor } : {}) });
  return {
    manifest: {
      tool: 'logi',
      version: '9.8.7',
      scenario: 'scenario-chiffres',
      pyramid: 'pyramide-chiffres',
      seed: 20260101,
      iterations: 1000,
      mode: 'stochastic',
      horizon: HORIZON,
      cyclesPerYear: 12,
      streams: 'test',
      inputs: [{ file: 'scenarios/chiffres.yaml', sha256: 'ab'.repeat(32) }],
    },
    years: yearsFrom0,
    states: STATES,
    transitions: ['S1->S2', 'S2->DC'],
    events: EVENTS,
    actions: ACTIONS,
    actors: ACTORS,
    territories: TERRITORIES,
    arms: { baseline: { id: 'usual', title: 'Soins courants 2026' }, program: { id: 'pionnier', title: 'Parcours pionnier' } },
    logigrammes: [
      {
        id: 'lg-s1',
        title: 'Suivi sans complication',
        stratum: 'S1',
        nodes: [node('in', 'start', 'Entrée'), node('visit', 'action', 'Consultation de suivi', 'gp'), node('teach', 'action', 'Éducation thérapeutique', 'nurse'), node('out', 'end', 'Sortie')],
        edges: [
          { from: 'in', to: 'visit', label: '' },
          { from: 'visit', to: 'teach', label: '' },
          { from: 'teach', to: 'out', label: '' },
        ],
      },
      {
        id: 'lg-s2',
        title: 'Suivi avec complication',
        stratum: 'S2',
        nodes: [node('in', 'start', 'Entrée'), node('foot', 'action', 'Soins de pied', 'podiatrist'), node('out', 'end', 'Sortie')],
        edges: [
          { from: 'in', to: 'foot', label: '' },
          { from: 'foot', to: 'out', label: '' },
        ],
      },
    ],
    summaries,
    // Mean people per node and edge per year 1…2, per territory: the report shows the sum over
    // territories of the mean over years. Only `visit` carries distinctive numbers.
    overlay: TERRITORIES.flatMap((t, ti) =>
      (['baseline', 'program'] as const).flatMap((arm): Results['overlay'] => [
        {
          territory: t.id,
          arm,
          logigramme: 'lg-s1',
          nodes: { in: [1, 1], visit: OVERLAY_VISIT[arm][ti]!, teach: [2, 2], out: [3, 3] },
          edges: [
            { from: 'in', to: 'visit', label: '', mean: [1, 1] },
            { from: 'visit', to: 'teach', label: '', mean: OVERLAY_VISIT[arm][ti]! },
            { from: 'teach', to: 'out', label: '', mean: [2, 2] },
          ],
        },
        { territory: t.id, arm, logigramme: 'lg-s2', nodes: { in: [4, 4], foot: [5, 5], out: [6, 6] }, edges: [{ from: 'in', to: 'foot', label: '', mean: [4, 4] }, { from: 'foot', to: 'out', label: '', mean: [5, 5] }] },
      ]),
    ),
  };
}
/** `visit` per year [year 1, year 2], nord then sud: program (100+300)/2 + (1000+1400)/2 = 1 400; baseline 60 + 600 = 660. */
const OVERLAY_VISIT: Record<'baseline' | 'program', number[][]> = {
  program: [[100, 300], [1000, 1400]],
  baseline: [[50, 70], [500, 700]],
};

// ---------------------------------------------------------------------------------------------
// The oracle: formats written from the report's stated conventions, with Intl, not with src/i18n/numbers.ts.

const LOCALE: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };
const minus = (text: string) => text.replace('-', '−');
/** Whole number, grouped by thousands: 12 340 (U+202F) / 12,340; minus sign U+2212. */
const count = (n: number, lang: Lang) => minus(new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 0, useGrouping: true }).format(n)).replace(/\u00a0/g, NNBSP);
/** Three significant digits below 100, whole at or above. */
const num = (n: number, lang: Lang) => (Math.abs(n) >= 100 ? count(n, lang) : minus(new Intl.NumberFormat(LOCALE[lang], { maximumSignificantDigits: 3, useGrouping: false }).format(n)));
/** 123 456 € / €123,456, and 1,23 M € / €1.23M from a million; in English the sign comes first (−€12,300). */
const euros = (n: number, lang: Lang) => {
  const text = Math.abs(n) >= 1e6 ? `${num(n / 1e6, lang)}${lang === 'fr' ? `${NNBSP}M` : 'M'}` : count(n, lang);
  if (lang === 'fr') return `${text}${NNBSP}€`;
  return text.startsWith('−') ? `−€${text.slice(1)}` : `€${text}`;
};
type Format = (n: number, lang: Lang) => string;
const interval = (low: number, high: number, lang: Lang, f: Format = num) => (lang === 'fr' ? `[${f(low, lang)} ; ${f(high, lang)}]` : `[${f(low, lang)}; ${f(high, lang)}]`);
/** `mean [p025 ; p975]` of a triple. */
const withInterval = ([mean, low, high]: Triple, lang: Lang, f: Format = num) => `${f(mean, lang)} ${interval(low, high, lang, f)}`;
/** Events averted = −difference: the mean negated, the bounds negated and exchanged. */
const averted = ([mean, p025, p975]: Triple): Triple => [-mean, -p975, -p025];

/** The report's own words this test needs, written out. */
const W = {
  fr: { inYear: "Évités dans l'année", sinceStart: "Cumul depuis l'année 1", baseline: 'Soins courants', program: 'Programme', costDifference: 'Surcoût du programme', averted: 'Évités', difference: 'Différence', colon: '\u00a0: ', shortfall: 'Déficit', possible: 'Déficit possible', within: 'Couvert', none: 'Effectif non renseigné', all: 'Ensemble des territoires', population: 'population', iterations: 'itérations', seed: 'Graine', producedBy: 'Produit par', years: 'ans', perYear: '/an' },
  en: { inYear: 'Averted that year', sinceStart: 'Running sum since year 1', baseline: 'Usual care', program: 'Program', costDifference: 'Extra cost of the program', averted: 'Averted', difference: 'Difference', colon: ': ', shortfall: 'Shortfall', possible: 'Possible shortfall', within: 'Covered', none: 'Workforce not given', all: 'All territories', population: 'population', iterations: 'iterations', seed: 'Seed', producedBy: 'Generated by', years: 'years', perYear: '/year' },
} as const;

const EVENT_TITLES = ['Hospitalisation', 'Amputation majeure'];
const last = <X>(xs: readonly X[]): X => xs[xs.length - 1]!;

/** Every table of the report, keyed by section id (and index when a section has several). */
function expectedTables(lang: Lang): Map<string, { texts: string[][]; flags?: (string | undefined)[][] }> {
  const w = W[lang];
  const tables = new Map<string, { texts: string[][]; flags?: (string | undefined)[][] }>();
  const eventsRows = (key: Key) =>
    EVENTS.map((_, e) => {
      const yearly = yearsFrom1.map((y) => eventCount(key, 'difference', e + 1, y));
      const cumulative = -yearly.reduce((sum, t) => sum + t[0], 0);
      // The last year's interval in the same cell as its figure (issue 16), after the direction word.
      return [EVENT_TITLES[e]!, w.averted, num(cumulative, lang), withInterval(averted(last(yearly)), lang)];
    });
  tables.set('synthese', { texts: eventsRows('ensemble') });
  // A territory's events by year: averted each year with its interval, then the running sum of the means.
  const eventsByYearRows = (key: Key) =>
    EVENTS.flatMap((_, e) => {
      const yearly = yearsFrom1.map((y) => averted(eventCount(key, 'difference', e + 1, y)));
      const running = yearly.map((_t, i) => yearly.slice(0, i + 1).reduce((sum, t) => sum + t[0], 0));
      return [
        [EVENT_TITLES[e]!, w.inYear, ...yearly.map((t) => withInterval(t, lang))],
        [EVENT_TITLES[e]!, w.sinceStart, ...running.map((n) => num(n, lang))],
      ];
    });

  for (const key of KEYS) {
    const id = key === 'ensemble' ? 'ensemble' : `t-${key}`;
    // Pyramid: strata top down (S2, S1); start = baseline year 0; then each arm at the horizon.
    tables.set(`${id}-pyramide`, {
      texts: [2, 1].map((s) => [
        `S${s} — ${STATES[s - 1]!.title}`,
        count(peopleCount(key, 'baseline', s, 0)[0], lang),
        withInterval(peopleCount(key, 'baseline', s, HORIZON), lang, count),
        withInterval(peopleCount(key, 'program', s, HORIZON), lang, count),
        withInterval(peopleCount(key, 'difference', s, HORIZON), lang, count),
      ]),
    });
    tables.set(`${id}-evenements`, { texts: eventsByYearRows(key) });
    const active = ACTORS.filter((a) => a.id !== 'pharmacist');
    tables.set(`${id}-professions`, {
      texts: active.map((a) => [a.title, withInterval(fte(key, 'program', a.id, 1), lang), withInterval(fte(key, 'program', a.id, HORIZON), lang), withInterval(fte(key, 'baseline', a.id, HORIZON), lang)]),
    });
    // Demand against the workforce: the program in the last year; statuses written out by hand (see PROGRAM_FTE).
    const workforce: Record<Key, Record<string, number | undefined>> = {
      nord: { gp: 40, nurse: 5, podiatrist: 10 },
      sud: { gp: 30, nurse: undefined, podiatrist: 1 },
      ensemble: { gp: 70, nurse: undefined, podiatrist: 11 },
    };
    const status: Record<Key, Record<string, 'shortfall' | 'possible' | 'within' | 'none'>> = {
      nord: { gp: 'shortfall', nurse: 'possible', podiatrist: 'within' },
      sud: { gp: 'within', nurse: 'none', podiatrist: 'shortfall' },
      ensemble: { gp: 'possible', nurse: 'none', podiatrist: 'within' },
    };
    const flag = { shortfall: 'bad', possible: 'warn', within: 'ok', none: undefined } as const;
    tables.set(`${id}-etp`, {
      texts: active.map((a) => {
        const available = workforce[key][a.id];
        return [a.title, withInterval(fte(key, 'program', a.id, HORIZON), lang), available === undefined ? '—' : num(available, lang), w[status[key][a.id]!]];
      }),
      flags: active.map((a) => [undefined, undefined, undefined, flag[status[key][a.id]!]]),
    });
    tables.set(`${id}-actions`, {
      texts: ACTIONS.map((action, i) => [
        action.label,
        action.logigramme,
        ACTORS.find((a) => a.id === action.actor)!.title,
        withInterval(volumeCount(key, 'program', i + 1, 1), lang, count),
        withInterval(volumeCount(key, 'program', i + 1, HORIZON), lang, count),
        withInterval(volumeCount(key, 'difference', i + 1, HORIZON), lang, count),
      ]),
    });
    tables.set(`${id}-couts`, {
      texts: ([['baseline', w.baseline], ['program', w.program], ['difference', w.costDifference]] as const).map(([arm, label]) => [
        label,
        euros(costEuros(key, arm, 1)[0], lang),
        withInterval(costEuros(key, arm, HORIZON), lang, euros),
        euros(yearsFrom1.reduce((sum, y) => sum + costEuros(key, arm, y)[0], 0), lang),
      ]),
    });
  }

  // Territories side by side: differences per 100,000 in the last year.
  const byTerritory = (f: (key: Key) => Triple) => (['nord', 'sud'] as const).map((key) => withInterval(f(key), lang));
  tables.set('comparaison', {
    texts: [
      ...EVENTS.map((_, e) => [`${w.averted}${w.colon}${EVENT_TITLES[e]}`, ...byTerritory((key) => averted(per100k(key, 'per100k', eventCount(key, 'difference', e + 1, HORIZON))))]),
      ...[1, 2].map((s) => [`${w.difference}${w.colon}S${s} — ${STATES[s - 1]!.title}`, ...byTerritory((key) => per100k(key, 'per100k', peopleCount(key, 'difference', s, HORIZON)))]),
      [`${w.costDifference} (€)`, ...byTerritory((key) => per100k(key, 'per100k', costEuros(key, 'difference', HORIZON)))],
    ],
  });
  // Issue 17: per key measure, the territories ranked against the funnel's limits (docs/report.md,
  // "Territories compared"), the limits recomputed here from the formula there: θ₀ = Σ n·y ÷ Σ n,
  // v = Σ (sd·n/100,000)² ÷ Σ n, σ(n) = 100,000·√(v/n), z = 1.959964 and 3.090232 (a normal table).
  const positionWords = {
    fr: { a998: 'Au-dessus de la limite à 99,8\u00a0%', a95: 'Au-dessus de la limite à 95\u00a0%', in: 'Dans les limites à 95\u00a0%', b95: 'Sous la limite à 95\u00a0%', b998: 'Sous la limite à 99,8\u00a0%' },
    en: { a998: 'Above the 99.8\u00a0% limit', a95: 'Above the 95\u00a0% limit', in: 'Within the 95\u00a0% limits', b95: 'Below the 95\u00a0% limit', b998: 'Below the 99.8\u00a0% limit' },
  }[lang];
  const ranking = (f: (key: 'nord' | 'sud') => Triple, format: Format = num) => {
    const rows = (['nord', 'sud'] as const).map((key) => ({ key, n: POPULATION[key], figure: f(key), sd: Math.abs(f(key)[0]) / 10 + 1 }));
    const people = rows.reduce((sum, r) => sum + r.n, 0);
    const target = rows.reduce((sum, r) => sum + r.n * r.figure[0], 0) / people;
    const v = rows.reduce((sum, r) => sum + ((r.sd * r.n) / 100_000) ** 2, 0) / people;
    const flagged = rows.map((r) => {
      const sigma = 100_000 * Math.sqrt(v / r.n);
      const gap = r.figure[0] - target;
      const word = gap > 3.090232 * sigma ? positionWords.a998 : gap < -3.090232 * sigma ? positionWords.b998 : gap > 1.959964 * sigma ? positionWords.a95 : gap < -1.959964 * sigma ? positionWords.b95 : positionWords.in;
      const flag = word === positionWords.in ? undefined : word.includes('99') ? 'bad' : 'warn';
      return { ...r, word, flag };
    });
    flagged.sort((a, b) => b.figure[0] - a.figure[0]);
    return {
      texts: flagged.map((r, i) => [String(i + 1), TERRITORIES.find((t) => t.id === r.key)!.title, count(r.n, lang), withInterval(r.figure, lang, format), r.word]),
      flags: flagged.map((r) => [undefined, undefined, undefined, undefined, r.flag]),
    };
  };
  EVENTS.forEach((event, e) => tables.set(`comparaison-evenement-${event.name}`, ranking((key) => averted(per100k(key, 'per100k', eventCount(key, 'difference', e + 1, HORIZON))))));
  tables.set('comparaison-surcout', ranking((key) => per100k(key, 'per100k', costEuros(key, 'difference', HORIZON)), euros));
  tables.set('manifeste', { texts: [['scenarios/chiffres.yaml', 'ab'.repeat(32)]] });
  return tables;
}

/** Every table of the document, keyed like expectedTables. */
function tablesOf(doc: ReportDocument): Map<string, Extract<Block, { kind: 'table' }>> {
  const found = new Map<string, Extract<Block, { kind: 'table' }>>();
  for (const section of doc.sections) {
    const tables = section.blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
    tables.forEach((table, i) => found.set(i === 0 ? section.id : `${section.id}#${i}`, table));
  }
  return found;
}

const texts = (rows: Cell[][]) => rows.map((r) => r.map((c) => c.text));
const section = (doc: ReportDocument, id: string): Section => {
  const found = doc.sections.find((s) => s.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
};
const table = (doc: ReportDocument, id: string) => {
  const found = tablesOf(doc).get(id);
  if (!found) throw new Error(`no table in section ${id}`);
  return texts(found.rows);
};

const results = makeResults();
const reports = {} as Record<Lang, ReportDocument>;

beforeAll(async () => {
  reports.fr = await buildReport(results, { lang: 'fr' });
  reports.en = await buildReport(results, { lang: 'en' });
}, 120_000);

describe('euros', () => {
  it('put the sign before the currency in English and before the number in French', () => {
    expect(formatEuros(-12_300, 'en')).toBe('−€12,300');
    expect(formatEuros(-2_340_000, 'en')).toBe('−€2.34M');
    expect(formatEuros(12_300, 'en')).toBe('€12,300');
    expect(formatEuros(-12_300, 'fr')).toBe('−12\u202f300\u202f€');
  });
});

describe('the hand-written results object', () => {
  it('is a valid results.json (the schema the report reads)', () => {
    expect(() => ResultsSchema.parse(results)).not.toThrow();
  });
});

describe('the report’s numbers, cell by cell, by hand', () => {
  // Written out in full from the codes above, to check the oracle as much as the report.
  it('the pyramid: start, baseline and program at the horizon with their interval, and the difference', () => {
    // nord, S2: baseline 1 2 Y 100; difference −(1 2 Y); program = baseline + difference.
    expect(table(reports.fr, 't-nord-pyramide')[0]).toEqual([
      'S2 — Avec complication',
      '120\u202f100',
      '122\u202f100 [122\u202f050 ; 122\u202f170]',
      '121\u202f978 [121\u202f918 ; 122\u202f058]',
      '−122 [−152 ; −102]',
    ]);
    expect(table(reports.en, 't-nord-pyramide')[0]).toEqual(['S2 — Avec complication', '120,100', '122,100 [122,050; 122,170]', '121,978 [121,918; 122,058]', '−122 [−152; −102]']);
  });

  it('events averted: cumulative = sum of the yearly means, the last year, the interval with its bounds negated', () => {
    // nord: difference −111 then −112 (hospitalisation), −121 then −122 (amputation); p025 = mean − 30, p975 = mean + 20.
    // Each year the events averted with their interval, then their running sum: 111, then 111 + 112.
    expect(table(reports.fr, 't-nord-evenements')).toEqual([
      ['Hospitalisation', "Évités dans l'année", '111 [91 ; 141]', '112 [92 ; 142]'],
      ['Hospitalisation', "Cumul depuis l'année 1", '111', '223'],
      ['Amputation majeure', "Évités dans l'année", '121 [101 ; 151]', '122 [102 ; 152]'],
      ['Amputation majeure', "Cumul depuis l'année 1", '121', '243'],
    ]);
    // All territories in the summary: −311, −312.
    expect(table(reports.en, 'synthese')[0]).toEqual(['Hospitalisation', 'Averted', '623', '312 [292; 342]']);
  });

  it('working time and demand against the workforce, with each status', () => {
    expect(table(reports.fr, 't-nord-professions')[0]).toEqual(['Médecin généraliste', '42,5 [38,5 ; 46,5]', '45,5 [41,5 ; 49,5]', '36,4 [33,2 ; 39,6]']);
    expect(table(reports.fr, 't-nord-etp')).toEqual([
      ['Médecin généraliste', '45,5 [41,5 ; 49,5]', '40', 'Déficit'],
      ['Infirmier', '4,25 [3,5 ; 5,75]', '5', 'Déficit possible'],
      ['Podologue', '2,5 [2,25 ; 2,75]', '10', 'Couvert'],
    ]);
    expect(table(reports.en, 't-sud-etp')).toEqual([
      ['Médecin généraliste', '20.5 [14.5; 30]', '30', 'Covered'],
      ['Infirmier', '3.75 [3.25; 4.5]', '—', 'Workforce not given'],
      ['Podologue', '1.75 [1.25; 2.25]', '1', 'Shortfall'],
    ]);
    expect(table(reports.en, 'ensemble-etp')[0]).toEqual(['Médecin généraliste', '65.5 [60.5; 72.5]', '70', 'Possible shortfall']);
  });

  it('volumes per action', () => {
    // nord, a1: baseline 1 1 Y 50, difference +(1 1 Y).
    expect(table(reports.fr, 't-nord-actions')[0]).toEqual(['Consultation de suivi', 'lg-s1', 'Médecin généraliste', '11\u202f261 [11\u202f201 ; 11\u202f341]', '11\u202f362 [11\u202f302 ; 11\u202f442]', '112 [82 ; 132]']);
  });

  it('costs: year 1, the last year with its interval, the cumulative', () => {
    expect(table(reports.fr, 't-nord-couts')).toEqual([
      ['Soins courants', '1,12\u202fM\u202f€', '1,22\u202fM\u202f€ [1,18\u202fM\u202f€ ; 1,28\u202fM\u202f€]', '2,34\u202fM\u202f€'],
      ['Programme', '1,13\u202fM\u202f€', '1,23\u202fM\u202f€ [1,2\u202fM\u202f€ ; 1,32\u202fM\u202f€]', '2,36\u202fM\u202f€'],
      ['Surcoût du programme', '11\u202f300\u202f€', '12\u202f300\u202f€ [10\u202f300\u202f€ ; 15\u202f300\u202f€]', '23\u202f600\u202f€'],
    ]);
    expect(table(reports.en, 't-nord-couts')[2]).toEqual(['Extra cost of the program', '€11,300', '€12,300 [€10,300; €15,300]', '€23,600']);
  });

  it('territories compared, per 100,000 inhabitants, last year', () => {
    // nord (250 000): hospitalisation difference −112 [−142 ; −92] → averted 44,8 [36,8 ; 56,8];
    // sud (150 000): −212 [−242 ; −192] → averted 141 [128 ; 161].
    expect(table(reports.fr, 'comparaison')[0]).toEqual(['Évités\u00a0: Hospitalisation', '44,8 [36,8 ; 56,8]', '141 [128 ; 161]']);
    // Cost difference, last year: nord 12 300 [10 300 ; 15 300] € / 2,5; sud 22 300 [20 300 ; 25 300] € / 1,5.
    expect(last(table(reports.fr, 'comparaison'))).toEqual(['Surcoût du programme (€)', '4\u202f920 [4\u202f120 ; 6\u202f120]', '14\u202f867 [13\u202f533 ; 16\u202f867]']);
  });
});

describe.each(['fr', 'en'] as const)('every table of the report in %s shows the results’ numbers', (lang) => {
  const expected = expectedTables(lang);

  it('has exactly the tables this test knows', () => {
    expect([...tablesOf(reports[lang]).keys()].sort()).toEqual([...expected.keys()].sort());
  });

  for (const [id, { texts: rows, flags }] of expected) {
    it(`${id}: every cell`, () => {
      const found = tablesOf(reports[lang]).get(id);
      expect(found, id).toBeDefined();
      expect(texts(found!.rows)).toEqual(rows);
      if (flags) expect(found!.rows.map((r) => r.map((c) => c.flag))).toEqual(flags);
    });
  }

  it('the numbers outside tables: population per territory, iterations, horizon, seed', () => {
    const w = W[lang];
    const doc = reports[lang];
    expect(section(doc, 'ensemble').title).toBe(`${w.all} (${w.population} ${count(400_000, lang)})`);
    expect(section(doc, 't-nord').title).toBe(`Nord (GHT du Nord) (${w.population} ${count(250_000, lang)})`);
    expect(section(doc, 't-sud').title).toBe(`Sud (${w.population} ${count(150_000, lang)})`);
    expect(count(400_000, lang)).toBe(lang === 'fr' ? '400\u202f000' : '400,000');
    const facts = section(doc, 'synthese').blocks.find((b) => b.kind === 'facts');
    expect(facts).toMatchObject({ items: expect.arrayContaining([{ term: lang === 'fr' ? 'Itérations' : 'Iterations', value: lang === 'fr' ? '1\u202f000' : '1,000' }, { term: 'Horizon', value: `2 ${w.years}` }]) });
    expect(doc.footer).toBe(`${w.producedBy} logi 9.8.7 · ${w.seed} 20260101 · ${lang === 'fr' ? '1\u202f000' : '1,000'} ${w.iterations}`);
  });

  it('the logigramme overlay: per node, the sum over territories of the mean over years', () => {
    const figure = section(reports[lang], 'logigrammes').blocks.find((b) => b.kind === 'figure' && b.id === 'logigramme-lg-s1');
    expect(figure).toBeDefined();
    // Each text element between bars, its whitespace as written (svgVisibleText would fold the narrow no-break space).
    const text = (figure as Extract<Block, { kind: 'figure' }>).svg.replace(/<[^>]+>/g, '|');
    // Program (100 + 300)/2 + (1 000 + 1 400)/2 = 1 400; baseline (50 + 70)/2 + (500 + 700)/2 = 660.
    expect(text).toContain(`|≈ ${lang === 'fr' ? '1\u202f400' : '1,400'} ${W[lang].perYear}|`);
    // The language's colon: « Soins courants : 660 » (no-break space) in French, "Usual care: 660" in English.
    expect(text).toContain(`|${W[lang].baseline}${W[lang].colon}660|`);
  });
});
