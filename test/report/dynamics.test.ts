/**
 * The report shows a program's dynamics (issue 14): the people enrolled per stratum and year, the
 * people moved by detection (`move-to`), the events averted year by year with their running sum,
 * and the program's own costs by payer beside the acts' costs. A small results object written by
 * hand carries recognisable figures; every expected cell below is written out by hand (formatted
 * as the report promises: narrow no-break space thousands and `[low ; high]` in French, `1,500` and
 * `[low; high]` in English), not computed with src/i18n/numbers.ts.
 *
 * The same object without the fields of issue 14 (a results.json of an earlier logi) still gives
 * a report, through the library and through `logi report`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build.js';
import type { Block, ReportDocument } from '../../src/report/document.js';
import { reportHtml } from '../../src/report/html.js';
import { reportMarkdown } from '../../src/report/markdown.js';
import { type Results, ResultsSchema } from '../../src/sim/results.js';
import { runCli } from '../helpers/cli.js';

type Lang = 'fr' | 'en';
type ArmName = 'baseline' | 'program' | 'difference';
type Point = Results['summaries'][number]['totalCost'][number];

const N = '\u202f';
const HORIZON = 3;
const MOVE_KEY = 'S1->S2@lg-s1/depistage';

// ---------------------------------------------------------------------------------------------
// The results object. Every figure below is nord's (count scale); sud holds half of nord's and
// all territories (`ensemble`) one and a half times nord's. Differences are program − baseline;
// their interval is [mean − 2, mean + 3], the arms' [mean − 10, mean + 10].

/** nord, per arm, per year 1…3. */
const NORD = {
  enrolled: {
    S0: { baseline: [0, 0, 0], program: [0, 0, 0] },
    S1: { baseline: [1000, 1100, 1200], program: [1500, 1800, 2000] },
    S2: { baseline: [20.4, 21, 22], program: [30.4, 33, 36] },
  },
  moves: { baseline: [0, 0, 0], program: [40, 50, 60] },
  events: {
    'nouveaux-diabetes': { baseline: [100, 110, 120], difference: [-5, -8, -12] },
    deces: { baseline: [30, 30, 30], difference: [0.5, -0.25, -1.5] },
  },
  actsCost: { baseline: [10_000, 11_000, 12_000], program: [15_000, 16_000, 17_000] },
  programCost: {
    coordination: { program: [50_000, 50_000, 50_000] },
    apa: { program: [20_000, 25_000, 30_000] },
    plateforme: { baseline: [5_000, 5_000, 5_000], program: [5_000, 5_000, 5_000] },
  } as Record<string, Partial<Record<'baseline' | 'program', number[]>>>,
};
/** Acts plus program costs: baseline 15 000, 16 000, 17 000; program 90 000, 96 000, 102 000. */
const TOTAL_COST = { baseline: [15_000, 16_000, 17_000], program: [90_000, 96_000, 102_000] };

const TERRITORIES = [
  { id: 'nord', title: 'Nord', population: 200_000, workforce: {} as Record<string, number> },
  { id: 'sud', title: 'Sud', population: 100_000, workforce: {} as Record<string, number> },
];
const FACTOR: Record<string, number> = { nord: 1, sud: 0.5, ensemble: 1.5 };
const POPULATION: Record<string, number> = { nord: 200_000, sud: 100_000, ensemble: 300_000 };
const STATES = [
  { id: 'S0', title: 'Population générale', exit: false },
  { id: 'S1', title: 'À risque', exit: false },
  { id: 'S2', title: 'Diabète', exit: false },
  { id: 'deces', title: 'Décès', exit: true },
];

function point(mean: number, arm: ArmName): Point {
  const [low, high] = arm === 'difference' ? [mean - 2, mean + 3] : [mean - 10, mean + 10];
  return { mean, sd: 1, median: mean, p025: low, p975: high, mcse: 0.1 };
}

/** A series of an arm from its baseline and program means (the difference is their difference). */
function armSeries(arm: ArmName, byArm: Partial<Record<'baseline' | 'program', number[]>>, scale: number): Point[] {
  const of = (a: 'baseline' | 'program') => byArm[a] ?? [0, 0, 0];
  const means = arm === 'difference' ? of('program').map((p, i) => p - of('baseline')[i]!) : of(arm);
  return means.map((m) => point(m * scale, arm));
}

function eventSeries(arm: ArmName, e: { baseline: number[]; difference: number[] }, scale: number): Point[] {
  return armSeries(arm, { baseline: e.baseline, program: e.baseline.map((b, i) => b + e.difference[i]!) }, scale);
}

function measures(territory: string, arm: ArmName, scale: number, dynamics: boolean): Record<string, Record<string, Point[]>> {
  const flat = (mean: number) => Array.from({ length: HORIZON + 1 }, () => point(mean, arm));
  const flows: Record<string, Point[]> = { 'S1->S2': armSeries(arm, { baseline: [9, 9, 9], program: [8, 8, 8] }, scale) };
  // sud's baseline holds no series for the move: a missing key reads as zero.
  if (dynamics && !(territory === 'sud' && arm === 'baseline')) flows[MOVE_KEY] = armSeries(arm, NORD.moves, scale);
  const base: Record<string, Record<string, Point[]>> = {
    counts: Object.fromEntries(STATES.map((s) => [s.id, flat(arm === 'difference' ? 0 : 10_000 * scale)])),
    flows,
    events: Object.fromEntries(Object.entries(NORD.events).map(([name, e]) => [name, eventSeries(arm, e, scale)])),
    inflows: {},
    persons: {},
    volumes: { a1: armSeries(arm, { baseline: [100, 100, 100], program: [200, 200, 200] }, scale) },
    minutes: {},
    fte: { gp: armSeries(arm, { baseline: [1, 1, 1], program: [2, 2, 2] }, scale) },
    cost: { gp: armSeries(arm, NORD.actsCost, scale) },
  };
  if (!dynamics) return base;
  const programCost: Record<string, Point[]> = {};
  for (const [id, byArm] of Object.entries(NORD.programCost)) if (arm === 'difference' || byArm[arm]) programCost[id] = armSeries(arm, byArm, scale);
  return { ...base, enrolled: Object.fromEntries(Object.entries(NORD.enrolled).map(([s, byArm]) => [s, armSeries(arm, byArm, scale)])), programCost };
}

function makeResults(dynamics: boolean): Results {
  const summaries = [];
  for (const territory of ['ensemble', 'nord', 'sud']) {
    for (const arm of ['baseline', 'program', 'difference'] as const) {
      for (const scale of ['count', 'per100k'] as const) {
        const factor = FACTOR[territory]! * (scale === 'count' ? 1 : 100_000 / POPULATION[territory]!);
        summaries.push({ territory, scale, arm, measures: measures(territory, arm, factor, dynamics), totalCost: armSeries(arm, TOTAL_COST, factor) });
      }
    }
  }
  const results = {
    manifest: { tool: 'logi', version: '9.9.9', scenario: 'dynamique', pyramid: 'dt2', seed: 7, iterations: 500, mode: 'stochastic', horizon: HORIZON, cyclesPerYear: 1, streams: 'test', inputs: [{ file: 'scenarios/dynamique.yaml', sha256: 'cd'.repeat(32) }] },
    years: [0, 1, 2, 3],
    states: STATES,
    transitions: ['S1->S2'],
    events: [
      { name: 'nouveaux-diabetes', transitions: ['S1->S2'] },
      { name: 'deces', transitions: [] },
    ],
    actions: [{ id: 'a1', logigramme: 'lg-s1', node: 'depistage', label: 'Dépistage HbA1c', actor: 'gp' }],
    actors: [{ id: 'gp', title: 'Médecin généraliste', fteMinutesPerYear: 96_000 }],
    territories: TERRITORIES,
    arms: { baseline: { id: 'usuel', title: 'Soins courants' }, program: { id: 'pionnier', title: 'Parcours pionnier' } },
    logigrammes: [
      {
        id: 'lg-s1',
        title: 'Repérage des personnes à risque',
        stratum: 'S1',
        nodes: [
          { id: 'in', type: 'start', label: 'Entrée' },
          { id: 'depistage', type: 'action', label: 'Dépistage HbA1c', actor: 'gp' },
          { id: 'out', type: 'end', label: 'Sortie' },
        ],
        edges: [
          { from: 'in', to: 'depistage', label: '' },
          { from: 'depistage', to: 'out', label: '' },
        ],
      },
    ],
    summaries,
    overlay: [],
    ...(dynamics
      ? {
          moves: [{ key: MOVE_KEY, from: 'S1', to: 'S2', logigramme: 'lg-s1', node: 'depistage' }],
          programCosts: [
            { id: 'coordination', title: 'Coordination du parcours', payer: 'ars', arms: ['program'] },
            { id: 'apa', title: 'Activité physique adaptée', payer: 'assurance-maladie', arms: ['program'] },
            { id: 'plateforme', title: 'Plateforme', payer: 'ars', arms: ['baseline', 'program'] },
          ],
        }
      : {}),
  };
  return results as unknown as Results;
}

// ---------------------------------------------------------------------------------------------

const tableIn = (doc: ReportDocument, sectionId: string, index = 0) => {
  const section = doc.sections.find((s) => s.id === sectionId);
  if (!section) throw new Error(`no section ${sectionId}`);
  const table = section.blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table')[index];
  if (!table) throw new Error(`no table ${index} in ${sectionId}`);
  return { header: table.header, rows: table.rows.map((r) => r.map((c) => c.text)) };
};

const withDynamics = makeResults(true);
const withoutDynamics = makeResults(false);
const reports = {} as Record<Lang, ReportDocument>;
let older: ReportDocument;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'logi-report-dynamics-'));

beforeAll(async () => {
  reports.fr = await buildReport(withDynamics, { lang: 'fr' });
  reports.en = await buildReport(withDynamics, { lang: 'en' });
  older = await buildReport(withoutDynamics, { lang: 'fr' });
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the people enrolled per stratum and year', () => {
  it('a table per territory and for all of them: usual care, program, the difference with its interval, the sum over the horizon', () => {
    const fr = tableIn(reports.fr, 't-nord-inscrits');
    expect(fr.header).toEqual(['Strate', 'Bras', 'Année 1', 'Année 2', 'Année 3', "Cumul sur l'horizon (moyenne)"]);
    // S0 has nobody enrolled in either arm: not shown.
    expect(fr.rows).toEqual([
      ['S1 — À risque', 'Soins courants', `1${N}000`, `1${N}100`, `1${N}200`, `3${N}300`],
      ['S1 — À risque', 'Programme', `1${N}500`, `1${N}800`, `2${N}000`, `5${N}300`],
      ['S1 — À risque', 'Différence', '500 [498 ; 503]', '700 [698 ; 703]', '800 [798 ; 803]', `2${N}000`],
      ['S2 — Diabète', 'Soins courants', '20,4', '21', '22', '63,4'],
      ['S2 — Diabète', 'Programme', '30,4', '33', '36', '99,4'],
      ['S2 — Diabète', 'Différence', '10 [8 ; 13]', '12 [10 ; 15]', '14 [12 ; 17]', '36'],
    ]);
    const en = tableIn(reports.en, 'ensemble-inscrits');
    expect(en.header).toEqual(['Stratum', 'Arm', 'Year 1', 'Year 2', 'Year 3', 'Over the horizon (mean)']);
    // All territories: 1.5 × nord's means; the interval is still mean − 2, mean + 3.
    expect(en.rows.slice(0, 3)).toEqual([
      ['S1 — À risque', 'Usual care', '1,500', '1,650', '1,800', '4,950'],
      ['S1 — À risque', 'Program', '2,250', '2,700', '3,000', '7,950'],
      ['S1 — À risque', 'Difference', '750 [748; 753]', '1,050 [1,048; 1,053]', '1,200 [1,198; 1,203]', '3,000'],
    ]);
  });

  it('a chart beside the table, one panel per stratum enrolled', () => {
    const figure = reports.en.sections.find((s) => s.id === 't-nord-inscrits')!.blocks.find((b) => b.kind === 'figure') as Extract<Block, { kind: 'figure' }>;
    expect(figure.title).toBe('People enrolled in the program — Nord');
    expect(figure.svg).toMatch(/^<svg role="img"/);
    expect(figure.svg).toContain('S1 — À risque');
    expect(figure.svg).toContain('enrolled person-years');
    expect(figure.svg).not.toContain('S0 — Population générale');
  });
});

describe('the people moved by detection', () => {
  it('per move and year: usual care, program, the difference with its interval, and the sum over the horizon', () => {
    const en = tableIn(reports.en, 't-nord-mouvements');
    expect(en.header).toEqual(['Move (from → to — step)', 'Arm', 'Year 1', 'Year 2', 'Year 3', 'Over the horizon (mean)']);
    expect(en.rows).toEqual([
      ['S1 → S2 — Dépistage HbA1c', 'Usual care', '0', '0', '0', '0'],
      ['S1 → S2 — Dépistage HbA1c', 'Program', '40', '50', '60', '150'],
      ['S1 → S2 — Dépistage HbA1c', 'Difference', '40 [38; 43]', '50 [48; 53]', '60 [58; 63]', '150'],
    ]);
    // sud's baseline has no series for the move: zero, not a failure. Half of nord's.
    expect(tableIn(reports.fr, 't-sud-mouvements').rows).toEqual([
      ['S1 → S2 — Dépistage HbA1c', 'Soins courants', '0', '0', '0', '0'],
      ['S1 → S2 — Dépistage HbA1c', 'Programme', '20', '25', '30', '75'],
      ['S1 → S2 — Dépistage HbA1c', 'Différence', '20 [18 ; 23]', '25 [23 ; 28]', '30 [28 ; 33]', '75'],
    ]);
    expect(tableIn(reports.fr, 'ensemble-mouvements').rows[1]).toEqual(['S1 → S2 — Dépistage HbA1c', 'Programme', '60', '75', '90', '225']);
  });
});

describe('events averted year by year, and their running sum', () => {
  it('each year the averted events with their interval, then the running sum of the means, still growing at the horizon', () => {
    const fr = tableIn(reports.fr, 't-nord-evenements');
    expect(fr.header).toEqual(['Événement', '', 'Année 1', 'Année 2', 'Année 3']);
    // Difference −5, −8, −12 in [mean − 2, mean + 3]: averted 5 [2 ; 7]…; running sum 5, 13, 25.
    // deces: difference 0.5, −0.25, −1.5: averted −0.5 [−3.5 ; 1.5]…; running −0.5, −0.25, 1.25.
    expect(fr.rows).toEqual([
      ['Nouveaux diabetes', "Évités dans l'année", '5 [2 ; 7]', '8 [5 ; 10]', '12 [9 ; 14]'],
      ['Nouveaux diabetes', "Cumul depuis l'année 1", '5', '13', '25'],
      ['Deces', "Évités dans l'année", '−0,5 [−3,5 ; 1,5]', '0,25 [−2,75 ; 2,25]', '1,5 [−1,5 ; 3,5]'],
      ['Deces', "Cumul depuis l'année 1", '−0,5', '−0,25', '1,25'],
    ]);
    const en = tableIn(reports.en, 'ensemble-evenements');
    expect(en.rows[0]).toEqual(['Nouveaux diabetes', 'Averted that year', '7.5 [4.5; 9.5]', '12 [9; 14]', '18 [15; 20]']);
    expect(en.rows[1]).toEqual(['Nouveaux diabetes', 'Running sum since year 1', '7.5', '19.5', '37.5']);
  });

  it('the caption says the running sum has no interval, and why', () => {
    const notes = reports.en.sections.find((s) => s.id === 't-nord-evenements')!.blocks.filter((b) => b.kind === 'paragraph').map((b) => (b as { text: string }).text);
    expect(notes.join(' ')).toMatch(/the interval of a sum is not the sum of the intervals: the running sum has no interval/);
  });
});

describe('program costs by payer beside the acts’ costs', () => {
  it('the acts, each program cost with its payer, a subtotal per payer that has several, and the total, summed over the horizon', () => {
    const fr = tableIn(reports.fr, 't-nord-couts', 1);
    expect(fr.header).toEqual(['Poste', 'Payeur', "Soins courants, cumul sur l'horizon (moyenne)", "Programme, cumul sur l'horizon (moyenne)", "Différence, cumul sur l'horizon (moyenne)", 'Programme, dernière année']);
    const e = (text: string) => `${text}${N}€`;
    expect(fr.rows).toEqual([
      ['Actes des logigrammes (tarifs des acteurs)', '—', e(`33${N}000`), e(`48${N}000`), e(`15${N}000`), e(`17${N}000`)],
      ['Coordination du parcours', 'ars', '—', e(`150${N}000`), e(`150${N}000`), e(`50${N}000`)],
      ['Activité physique adaptée', 'assurance-maladie', '—', e(`75${N}000`), e(`75${N}000`), e(`30${N}000`)],
      ['Plateforme', 'ars', e(`15${N}000`), e(`15${N}000`), e('0'), e(`5${N}000`)],
      // ars pays two costs: their subtotal; assurance-maladie's only cost is its own subtotal.
      ['Sous-total du payeur', 'ars', e(`15${N}000`), e(`165${N}000`), e(`150${N}000`), e(`55${N}000`)],
      // The items add up to the total: 33 000 + 15 000 = 48 000; 48 000 + 150 000 + 75 000 + 15 000 = 288 000.
      ['Coût total', '', e(`48${N}000`), e(`288${N}000`), e(`240${N}000`), e(`102${N}000`)],
    ]);
    const en = tableIn(reports.en, 'ensemble-couts', 1);
    expect(en.rows[0]).toEqual(['Acts of the logigrammes (actors’ tariffs)', '—', '€49,500', '€72,000', '€22,500', '€25,500']);
    expect(en.rows[5]).toEqual(['Total cost', '', '€72,000', '€432,000', '€360,000', '€153,000']);
    // The totals table keeps its place, first.
    expect(tableIn(reports.en, 't-nord-couts', 0).rows[1]).toEqual(['Program', '€90,000', '€102,000 [€101,990; €102,010]', '€288,000']);
  });
});

describe('the figures reach the HTML page and the Markdown', () => {
  it.each(['fr', 'en'] as const)('%s', (lang) => {
    const html = reportHtml(reports[lang]);
    const { markdown } = reportMarkdown(reports[lang], 'report-charts');
    const [program, difference, perYear] = lang === 'fr' ? ['Programme', 'Différence', "Évités dans l'année"] : ['Program', 'Difference', 'Averted that year'];
    const thousand = lang === 'fr' ? `1${N}500` : '1,500';
    const twoThousand = lang === 'fr' ? `2${N}000` : '2,000';
    const fiveThousand = lang === 'fr' ? `5${N}300` : '5,300';
    const eighteen = lang === 'fr' ? `1${N}800` : '1,800';
    expect(html).toContain(`<td>S1 — À risque</td><td>${program}</td><td class="num">${thousand}</td><td class="num">${eighteen}</td><td class="num">${twoThousand}</td><td class="num">${fiveThousand}</td>`);
    expect(markdown).toContain(`| S1 — À risque | ${program} | ${thousand} | ${eighteen} | ${twoThousand} | ${fiveThousand} |`);
    expect(html).toContain(`<td>S1 → S2 — Dépistage HbA1c</td><td>${program}</td><td class="num">40</td><td class="num">50</td><td class="num">60</td><td class="num">150</td>`);
    expect(markdown).toContain(`| S1 → S2 — Dépistage HbA1c | ${program} | 40 | 50 | 60 | 150 |`);
    // The interval under its figure (issue 16); in French a no-break space before its semicolon.
    expect(html).toContain(`<td>Nouveaux diabetes</td><td>${perYear.replace("'", '&#39;')}</td><td class="num">5 <span class="ci">[2${lang === 'fr' ? '\u00a0;' : ';'} 7]</span></td>`);
    expect(markdown).toContain(`| S1 — À risque | ${difference} | 500 \\[498${lang === 'fr' ? ' ;' : ';'} 503\\]`);
    expect(html).toContain('<td class="code">assurance-maladie</td>');
    expect(html).not.toMatch(/NaN|undefined|Infinity|\[object /);
    expect(markdown).not.toMatch(/NaN|undefined|Infinity|\[object /);
  });
});

describe('a results.json written before issue 14 (no enrolment, move or program cost)', () => {
  it('gives a report without the parts it has no figures for, and the events by year', () => {
    const ids = older.sections.map((s) => s.id);
    expect(ids.filter((id) => id.endsWith('-inscrits') || id.endsWith('-mouvements'))).toEqual([]);
    expect(ids).toContain('t-nord-evenements');
    const costs = older.sections.find((s) => s.id === 't-nord-couts')!;
    expect(costs.blocks.filter((b) => b.kind === 'table')).toHaveLength(1);
    expect(tableIn(older, 't-nord-evenements').rows[1]).toEqual(['Nouveaux diabetes', "Cumul depuis l'année 1", '5', '13', '25']);
    expect(reportHtml(older)).not.toMatch(/NaN|undefined|Infinity|\[object /);
  });

  it('the schema reads both files, and keeps the fields of issue 14 when they are there', () => {
    expect(() => ResultsSchema.parse(withoutDynamics)).not.toThrow();
    const parsed = ResultsSchema.parse(withDynamics) as unknown as Record<string, unknown>;
    expect(parsed.moves).toEqual((withDynamics as unknown as Record<string, unknown>).moves);
    expect(parsed.programCosts).toEqual((withDynamics as unknown as Record<string, unknown>).programCosts);
    const nord = (parsed.summaries as Results['summaries']).find((s) => s.territory === 'nord' && s.arm === 'program' && s.scale === 'count')!;
    expect(Object.keys((nord.measures as Record<string, object>).enrolled!)).toEqual(['S0', 'S1', 'S2']);
  });

  it('`logi report` reads it, and reads the new one with its parts', () => {
    writeFileSync(path.join(tmp, 'old.json'), `${JSON.stringify(withoutDynamics)}\n`);
    writeFileSync(path.join(tmp, 'current.json'), `${JSON.stringify(withDynamics)}\n`);
    const oldRun = runCli(['report', path.join(tmp, 'old.json'), '--format', 'md', '--lang', 'en', '--out', path.join(tmp, 'old.md')]);
    expect(oldRun.status, oldRun.stderr).toBe(0);
    const oldMd = readFileSync(path.join(tmp, 'old.md'), 'utf8');
    expect(oldMd).toContain('### Events averted');
    expect(oldMd).not.toContain('People enrolled');
    const run = runCli(['report', path.join(tmp, 'current.json'), '--format', 'md', '--lang', 'fr', '--out', path.join(tmp, 'current.md')]);
    expect(run.status, run.stderr).toBe(0);
    const md = readFileSync(path.join(tmp, 'current.md'), 'utf8');
    expect(md).toContain('### Personnes inscrites au programme');
    expect(md).toContain('### Personnes reclassées par le dépistage');
    expect(md).toContain(`| Coordination du parcours | \`ars\` | — | 150${N}000${N}€ | 150${N}000${N}€ | 50${N}000${N}€ |`);
  }, 120_000);
});
