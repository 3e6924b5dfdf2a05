/**
 * The calibration fit report from a hand-written `CalibrationResult` (test/fixtures/report/
 * calibration.json: 3 parameters, 4 fitting and 2 validation targets), in French and in English.
 *
 * The oracle is the test's own: every figure the report must show is written out here by hand from
 * the fixture's values and the report's promised format (three significant digits, whole from 100;
 * thousands apart by U+202F and a decimal comma in French; `[low ; high]` or `[low; high]`), never
 * computed by src/i18n/numbers.ts. The histogram behind the prior-versus-posterior charts is
 * checked on samples small enough to count by hand.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalibrationResult } from '../../src/analysis/result.js';
import { OutputError } from '../../src/io/errors.js';
import { chromiumArgs } from '../../src/render/browser.js';
import { buildCalibrationReport, isConverged, writeCalibrationReport } from '../../src/report/calibration.js';
import { densityHistogram, sharedRange } from '../../src/report/calibration-charts.js';
import { binCount } from '../../src/report/calibration-parameters.js';
import type { Block, Cell, ReportDocument, Section } from '../../src/report/document.js';
import { reportHtml } from '../../src/report/html.js';
import { reportMarkdown } from '../../src/report/markdown.js';
import { browserPath, RUN_BROWSER_TESTS, watchPage } from '../helpers/browser.js';
import { REPO } from '../helpers/cli.js';

const NNBSP = '\u202f';
const NBSP = '\u00a0';
const FIXTURE = JSON.parse(readFileSync(path.join(REPO, 'test/fixtures/report/calibration.json'), 'utf8')) as CalibrationResult;

/** The fixture after IMIS: 5 rounds, an effective sample size of 87.4 against 200. */
const NOT_CONVERGED: CalibrationResult = { ...FIXTURE, fit: { ...FIXTURE.fit, method: 'imis', imisRounds: 5, ess: 87.4, converged: false, runs: 15187 } };

const HOSTILE_TITLE = '<script>alert("titre")</script> \u202eevil\u202c & co';
const HOSTILE: CalibrationResult = {
  ...FIXTURE,
  calibration: { ...FIXTURE.calibration, title: HOSTILE_TITLE },
  targets: FIXTURE.targets.map((t, i) => (i === 0 ? { ...t, title: '<img src=x onerror=alert(1)> \u202ecible' } : t)),
};

const scratch = mkdtempSync(path.join(os.tmpdir(), 'logi-fit-report-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function section(report: ReportDocument, id: string): Section {
  const found = report.sections.find((s) => s.id === id);
  if (!found) throw new Error(`no section ${id} in ${report.sections.map((s) => s.id).join(', ')}`);
  return found;
}

function blocksOf<K extends Block['kind']>(s: Section, kind: K): Extract<Block, { kind: K }>[] {
  return s.blocks.filter((b): b is Extract<Block, { kind: K }> => b.kind === kind);
}

function facts(s: Section): Record<string, string> {
  return Object.fromEntries(blocksOf(s, 'facts').flatMap((b) => b.items.map((i) => [i.term, i.value])));
}

const texts = (row: Cell[]) => row.map((c) => c.text);
/** `68 686` with the French thousands separator (a space between a digit and three digits). */
const fr = (text: string) => text.replace(/(?<=\d) (?=\d{3})/g, NNBSP);

let french: ReportDocument;
let english: ReportDocument;
beforeAll(async () => {
  [french, english] = await Promise.all([buildCalibrationReport(FIXTURE, 'fr'), buildCalibrationReport(FIXTURE, 'en')]);
}, 60_000);

describe('the fit report’s summary', () => {
  it('gives the fit’s figures in French', () => {
    expect(french.title).toBe("Rapport d'ajustement de l'étalonnage — Étalonnage de la pyramide du diabète de type 2");
    expect(french.subtitle).toBe(`Scénario${NBSP}: pionniers-dt2-2026 · Méthode${NBSP}: SIR · convergé`);
    expect(facts(section(french, 'synthese'))).toEqual({
      Étalonnage: 'Étalonnage de la pyramide du diabète de type 2',
      Scénario: 'pionniers-dt2-2026',
      Méthode: 'SIR : échantillonnage pondéré puis rééchantillonnage à partir des lois a priori',
      // 412.7 → 413 (whole from 100).
      "Taille d'échantillon efficace": '413 (seuil de convergence : 200)',
      Statut: 'convergé',
      'Tirages a priori': fr('10 000'),
      "Taille de l'échantillon a posteriori": fr('1 000'),
      'Exécutions du modèle': fr('10 187'),
      'Estimation ponctuelle (Nelder–Mead)': '187 évaluations, convergé',
      // −1234.4 → −1 234 (U+2212); −12.345 → −12,3.
      'Log-vraisemblance avant étalonnage': fr('−1 234'),
      "Log-vraisemblance à l'estimation ponctuelle": '−12,3',
      // 3 of the 4 fitting targets, 1 of the 2 validation targets, within their interval.
      'Dans leur incertitude observée': "Cibles d'ajustement : 3 sur 4 · Cibles de validation (tenues à part) : 1 sur 2",
    });
  });

  it('gives them in English', () => {
    expect(english.subtitle).toBe('Scenario: pionniers-dt2-2026 · Method: SIR · converged');
    const summary = facts(section(english, 'synthese'));
    expect(summary['Effective sample size']).toBe('413 (threshold for convergence: 200)');
    expect(summary.Status).toBe('converged');
    expect(summary['Model runs']).toBe('10,187');
    expect(summary['Prior draws']).toBe('10,000');
    expect(summary['Log-likelihood before calibration']).toBe('−1,234');
    expect(summary['Log-likelihood at the point estimate']).toBe('−12.3');
    expect(summary['Point estimate (Nelder–Mead)']).toBe('187 evaluations, converged');
    expect(summary['Within their observed uncertainty']).toBe('Fitting targets: 3 of 4 · Validation targets (held out): 1 of 2');
  });

  it('lists the warnings, flagged', () => {
    const warnings = blocksOf(section(english, 'synthese'), 'table').at(-1);
    expect(warnings!.header).toEqual(['Warnings']);
    expect(warnings!.rows).toEqual([[{ text: FIXTURE.warnings[0], flag: 'warn' }]]);
  });

  it('says plainly “not converged” when the effective sample size is below its threshold', async () => {
    const [fr, en] = await Promise.all([buildCalibrationReport(NOT_CONVERGED, 'fr'), buildCalibrationReport(NOT_CONVERGED, 'en')]);
    const frSummary = facts(section(fr, 'synthese'));
    expect(frSummary.Statut).toBe('non convergé');
    expect(frSummary["Taille d'échantillon efficace"]).toBe('87,4 (seuil de convergence : 200)');
    expect(frSummary['Méthode']).toMatch(/^IMIS : .*5 tours/);
    expect(fr.subtitle).toBe(`Scénario${NBSP}: pionniers-dt2-2026 · Méthode${NBSP}: IMIS · non convergé`);
    // First after the facts, flagged.
    const status = section(en, 'synthese').blocks[1]!;
    expect(status.kind === 'table' && status.rows[0]![0]!.flag).toBe('bad');
    expect(status.kind === 'table' && status.rows[0]![0]!.text).toMatch(/^Not converged: the effective sample size \(87\.4\) is below the threshold \(200\)\./);
    expect(facts(section(en, 'synthese')).Status).toBe('not converged');
    // Said in both pages; a converged report never says it.
    expect(reportHtml(en)).toContain('not converged');
    expect(reportMarkdown(fr, 'charts').markdown).toContain(`- **Statut**${NBSP}: non convergé`);
    expect(reportHtml(english)).not.toMatch(/not converged|Not converged/);
  });

  it('never calls a fit converged below the threshold, whatever the flag says', () => {
    expect(isConverged(FIXTURE)).toBe(true);
    expect(isConverged(NOT_CONVERGED)).toBe(false);
    expect(isConverged({ ...FIXTURE, fit: { ...FIXTURE.fit, ess: 199.9 } })).toBe(false);
    expect(isConverged({ ...FIXTURE, fit: { ...FIXTURE.fit, ess: 200 } })).toBe(true);
    expect(isConverged({ ...FIXTURE, fit: { ...FIXTURE.fit, converged: false } })).toBe(false);
  });
});

describe('the targets', () => {
  it('shows each fitting target’s figures in French', () => {
    const [table] = blocksOf(section(french, 'cibles-ajustement'), 'table');
    expect(table!.header).toEqual([
      'Cible',
      'Territoire',
      'Ce qui est mesuré',
      'Vraisemblance',
      'Observé [intervalle à 95 %]',
      'Avant étalonnage',
      'Estimation ponctuelle',
      'Moyenne a posteriori [intervalle à 95 %]',
      "Dans l'incertitude",
      'Source de la valeur',
    ]);
    expect(table!.rows.map(texts)).toEqual([
      ["Diabétiques connus (S2 à S4), fin de l'année 1", 'Ensemble des territoires', "personnes en S2, S3, S4 à la fin de l'année 1", 'normale', fr('68 686 [66 726 ; 70 646]'), fr('70 123'), fr('68 901'), fr('68 850 [67 500 ; 70 200]'), 'oui', 'snds-2017'],
      // 7.116 → 7,12 and 8.684 → 8,68: three significant digits.
      ['Nouveaux diabètes, année 1 (pour 1 000)', 'douaisis', "personnes passées de S0, S1 à S2 pendant l'année 1, pour 1 000 habitants", 'normale', '7,9 [7,12 ; 8,68]', '7,4', '7,85', '7,83 [7,41 ; 8,27]', 'oui', 'snds-2017'],
      ['Décès des diabétiques, année 1', 'Ensemble des territoires', "personnes de l'événement deces pendant l'année 1", 'de Poisson', fr('1 234 [1 166 ; 1 305]'), fr('1 012'), fr('1 220'), fr('1 218 [1 190 ; 1 247]'), 'oui', 'insee-2023'],
      ['Évolution annuelle des diabétiques connus', 'Ensemble des territoires', 'évolution annuelle des personnes en S2, S3, S4 entre les années 0 et 10', 'normale', '0,0065 [0,0016 ; 0,0114]', '0,0789', '0,0151', '0,0148 [0,0121 ; 0,0177]', 'non', 'snds-2017, cnam-2019'],
    ]);
    // Outside its interval: flagged as a bad fit.
    expect(table!.rows.map((row) => row[8]!.flag)).toEqual(['ok', 'ok', 'ok', 'bad']);
    expect(blocksOf(section(french, 'cibles-ajustement'), 'paragraph')[1]!.text).toBe("3 sur 4 dans leur intervalle à 95 % observé, à l'estimation ponctuelle.");
  });

  it('shows them in English', () => {
    const [table] = blocksOf(section(english, 'cibles-ajustement'), 'table');
    expect(texts(table!.rows[0]!)).toEqual(["Diabétiques connus (S2 à S4), fin de l'année 1", 'All territories', "personnes en S2, S3, S4 à la fin de l'année 1", 'normal', '68,686 [66,726; 70,646]', '70,123', '68,901', '68,850 [67,500; 70,200]', 'yes', 'snds-2017']);
    expect(texts(table!.rows[3]!).slice(3, 9)).toEqual(['normal', '0.0065 [0.0016; 0.0114]', '0.0789', '0.0151', '0.0148 [0.0121; 0.0177]', 'no']);
  });

  it('puts the validation targets in a section of their own, shown fitted or not', () => {
    const ids = french.sections.map((s) => s.id);
    expect(ids.indexOf('cibles-validation')).toBe(ids.indexOf('cibles-ajustement') + 1);
    const fit = blocksOf(section(french, 'cibles-ajustement'), 'table')[0]!;
    const validation = blocksOf(section(french, 'cibles-validation'), 'table')[0]!;
    expect(section(french, 'cibles-validation').title).toBe('Cibles de validation (tenues à part)');
    expect(section(english, 'cibles-validation').title).toBe('Validation targets (held out)');
    expect(fit.rows.map((row) => row[0]!.text)).not.toContain('Hospitalisations pour plaie du pied, année 3');
    expect(validation.rows.map(texts)).toEqual([
      ["Prévalence du diabète connu, fin de l'année 5 (%)", 'Ensemble des territoires', "personnes en S2, S3, S4 à la fin de l'année 5, pour 100 habitants", 'binomiale', '5,6 [5,17 ; 6,03]', '6,8', '5,9', '5,92 [5,5 ; 6,31]', 'oui', 'esteban-2016'],
      ['Hospitalisations pour plaie du pied, année 3', 'douaisis', "personnes de l'événement hospitalisation-pied pendant l'année 3", 'de Poisson', '412 [373 ; 453]', '389', '498', '495 [470 ; 521]', 'non', 'pmsi-2022'],
    ]);
    // A held-out target outside its interval is shown as it is, marked, not as a failed fit.
    expect(validation.rows[1]![8]!.flag).toBe('warn');
    // In the page, the validation targets come after their heading, the fitting targets before it.
    const html = reportHtml(french);
    const heading = html.indexOf('<section id="cibles-validation">');
    expect(heading).toBeGreaterThan(0);
    expect(html.indexOf('Hospitalisations pour plaie du pied')).toBeGreaterThan(heading);
    expect(html.lastIndexOf('Évolution annuelle des diabétiques connus', html.indexOf('<section id="parametres">'))).toBeLessThan(heading);
  });

  it('says so when there is no validation target', async () => {
    const report = await buildCalibrationReport({ ...FIXTURE, targets: FIXTURE.targets.filter((t) => t.use === 'fit') }, 'en');
    const validation = section(report, 'cibles-validation');
    expect(blocksOf(validation, 'paragraph').map((p) => p.text)).toContain('No validation target: the calibrated model has not been checked against held-out data.');
    expect(blocksOf(validation, 'figure')).toEqual([]);
  });

  it('draws a chart per group: a panel per target, its four rows and the observed interval', () => {
    for (const id of ['cibles-ajustement', 'cibles-validation']) {
      const [figure] = blocksOf(section(english, id), 'figure');
      expect(figure!.svg).toMatch(/^<svg role="img" [\s\S]*<\/svg>$/);
      for (const series of ['Observed', 'Before calibration', 'Point estimate', 'Posterior']) expect(figure!.svg).toContain(`>${series}<`);
    }
    const fit = blocksOf(section(english, 'cibles-ajustement'), 'figure')[0]!.svg;
    // One panel per fitting target, titled with the target (and its territory), none for a validation target.
    expect(fit).toContain('Nouveaux diabètes, année 1 (pour 1 000) · douaisis');
    expect(fit).toContain('Évolution annuelle des diabétiques connus');
    expect(fit).not.toContain('Hospitalisations pour plaie du pied');
    // The axes in the report's language: 67,500 in English, 67 500 in French.
    expect(fit).toContain('>67,500<');
    expect(blocksOf(section(french, 'cibles-ajustement'), 'figure')[0]!.svg).toContain(`>67${NNBSP}500<`);
  });
});

describe('the parameters', () => {
  it('gives each parameter’s prior, bounds, before, point estimate and posterior', () => {
    const [table] = blocksOf(section(french, 'parametres'), 'table');
    expect(table!.rows.map(texts)).toEqual([
      // 0.012345 → 0,0123; 0.01289 → 0,0129; 0.01702 → 0,017.
      ['transition S1->S2 (p) de la pyramide diabete-t2', 'diabete-t2 transitions S1->S2 p', '{ beta: { mean: 0.02, sd: 0.01 } }', '[0,001 ; 0,2]', '0,0275', '0,0123', '0,0129 [0,00951 ; 0,017]'],
      ['transition S2->DC (p) de la pyramide diabete-t2', 'diabete-t2 transitions S2->DC p', '{ uniform: { min: 0.005, max: 0.05 } }', '[0,005 ; 0,05]', '0,018', '0,0211', '0,0213 [0,0175 ; 0,0256]'],
      ['multiplicateur S1->S2 du territoire douaisis (pyramide diabete-t2)', 'douaisis pyramids diabete-t2 multipliers S1->S2', '{ lognormal: { mean: 1, sd: 0.3 } }', '[0,2 ; 5]', '1', '1,23', '1,25 [0,988 ; 1,54]'],
    ]);
    const [englishTable] = blocksOf(section(english, 'parametres'), 'table');
    expect(texts(englishTable!.rows[0]!).slice(3)).toEqual(['[0.001; 0.2]', '0.0275', '0.0123', '0.0129 [0.00951; 0.017]']);
  });

  it('gives one part per parameter: where it is written, its prior summary, and a prior-versus-posterior chart', () => {
    const part = section(english, 'parametre-1');
    expect(part.level).toBe(3);
    expect(part.title).toBe('transition S1->S2 (p) de la pyramide diabete-t2');
    expect(facts(part)).toEqual({
      Path: 'diabete-t2 transitions S1->S2 p',
      'Written at': 'guidelines/diabete-t2/pyramide.yaml:42:12',
      Prior: '{ beta: { mean: 0.02, sd: 0.01 } }',
      'Prior mean [95 % interval]': '0.02 [0.00482; 0.0437]',
      Bounds: '[0.001; 0.2]',
      'Before calibration': '0.0275',
      'Point estimate': '0.0123',
      'Posterior mean [95 % interval]': '0.0129 [0.00951; 0.017]',
    });
    expect(facts(section(french, 'parametre-3'))['Écrit en']).toBe('guidelines/territoires/douaisis.yaml:18:17');
    for (const id of ['parametre-1', 'parametre-2', 'parametre-3']) {
      const [figure] = blocksOf(section(english, id), 'figure');
      expect(figure!.svg).toMatch(/<svg[\s\S]*<\/svg>/);
      for (const series of ['Prior draws', 'Posterior sample', 'Before calibration', 'Point estimate', 'Density']) expect(figure!.svg, id).toContain(`>${series}<`);
    }
  });

  it('draws the histograms as densities over a shared range (counted by hand)', () => {
    // 5 values over [0, 1] in 2 bins: 0, 0.1, 0.2, 0.3 in [0, 0.5), and 1 (the top edge) in the last.
    expect(densityHistogram('prior', [0, 0.1, 0.2, 0.3, 1], [0, 1], 2)).toEqual([
      { series: 'prior', start: 0, end: 0.5, density: 4 / (5 * 0.5) },
      { series: 'prior', start: 0.5, end: 1, density: 1 / (5 * 0.5) },
    ]);
    // Values that are not finite are left out of the count and of the sample size.
    expect(densityHistogram('p', [1, 3, Number.NaN], [0, 4], 2).map((b) => b.density)).toEqual([1 / (2 * 2), 1 / (2 * 2)]);
    expect(sharedRange([[0.3, 0.1], [0.5, 0.2]])).toEqual([0.1, 0.5]);
    expect(sharedRange([[2, 2], [2]])).toEqual([1.9, 2.1]);
    expect(sharedRange([[0]])).toEqual([-0.5, 0.5]);
    expect(sharedRange([[], [Number.NaN]])).toBeUndefined();
    // √1000 = 31.6 → 32 bins; 20 values → at least 5; 10,000 → at most 40.
    expect([binCount([1000, 20]), binCount([20, 20]), binCount([10_000]), binCount([])]).toEqual([32, 5, 40, 5]);
  });
});

describe('hostile text', () => {
  let report: ReportDocument;
  beforeAll(async () => {
    report = await buildCalibrationReport(HOSTILE, 'en');
  }, 60_000);

  it('is escaped in HTML: no element, no bidi override, the characters shown', () => {
    const html = reportHtml(report);
    expect(html).not.toMatch(/<script|<img/i);
    // No event handler in any tag, once the quoted attribute values (where vega quotes the titles, escaped) are set aside.
    expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/<[^>]*\son\w+\s*=/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;titre&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // The overrides would reorder what the title shows: they are written as visible escapes, in the text and in the charts.
    expect(html).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(html).toContain('\\u202eevil\\u202c &amp; co');
    expect(html).toContain('\\u202ecible');
  });

  it('is escaped in Markdown', () => {
    const { markdown, assets } = reportMarkdown(report, 'charts');
    expect(markdown).not.toMatch(/<script|<img/i);
    expect(markdown).toContain('&lt;script&gt;alert("titre")&lt;/script&gt;');
    expect(markdown).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    // The backslash of the visible escape is itself escaped for Markdown.
    expect(markdown).toContain('\\\\u202eevil\\\\u202c &amp; co');
    for (const asset of assets) expect(asset.content).not.toMatch(/<script|<img|[\u202a-\u202e]/i);
  });
});

describe('writing the report', () => {
  it('writes fit-report.html and fit-report.md with every chart the Markdown links, and nothing else', async () => {
    const dir = path.join(scratch, 'written');
    const files = await writeCalibrationReport(FIXTURE, dir, 'fr');
    expect(files.slice(0, 2)).toEqual([path.join(dir, 'fit-report.html'), path.join(dir, 'fit-report.md')]);
    const charts = ['cibles-ajustement', 'cibles-validation', 'parametre-1', 'parametre-2', 'parametre-3'].map((id) => path.join(dir, 'fit-report-charts', `${id}.svg`));
    expect(files.slice(2)).toEqual(charts);
    expect(readdirSync(dir).sort()).toEqual(['fit-report-charts', 'fit-report.html', 'fit-report.md']);
    const html = readFileSync(files[0]!, 'utf8');
    const markdown = readFileSync(files[1]!, 'utf8');
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain(`<dt>Exécutions du modèle</dt><dd>10${NNBSP}187</dd>`);
    expect(html).not.toMatch(/NaN|undefined|Infinity|\[object /);
    expect(markdown).toMatch(/^# Rapport d'ajustement de l'étalonnage — Étalonnage de la pyramide du diabète de type 2$/m);
    const images = [...markdown.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => path.join(dir, decodeURI(m[1]!)));
    expect(images).toEqual(charts);
    for (const chart of charts) expect(readFileSync(chart, 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>\n$/);
    // The same sections, in the same order, in both pages.
    const decode = (t: string) => t.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const htmlHeadings = [...html.matchAll(/<h([23])>([^<]*)<\/h\1>/g)].map((m) => `${m[1]} ${decode(m[2]!)}`).filter((h) => h !== '2 Sommaire');
    const mdHeadings = [...markdown.matchAll(/^(#{2,3}) (.*)$/gm)].map((m) => `${m[1]!.length} ${decode(m[2]!.replace(/\\(.)/g, '$1'))}`);
    expect(htmlHeadings).toHaveLength(8);
    expect(mdHeadings).toEqual(htmlHeadings);
  });

  it('replaces a previous report whole', async () => {
    const dir = path.join(scratch, 'again');
    await writeCalibrationReport(NOT_CONVERGED, dir, 'en');
    expect(readFileSync(path.join(dir, 'fit-report.md'), 'utf8')).toContain('not converged');
    await writeCalibrationReport(FIXTURE, dir, 'en');
    expect(readFileSync(path.join(dir, 'fit-report.md'), 'utf8')).not.toContain('not converged');
    expect(readFileSync(path.join(dir, 'fit-report.html'), 'utf8')).not.toContain('not converged');
    expect(readdirSync(dir).sort()).toEqual(['fit-report-charts', 'fit-report.html', 'fit-report.md']);
  });

  it('leaves the previous report as it was, and no temporary file, when it cannot write', async () => {
    const dir = path.join(scratch, 'refused');
    await writeCalibrationReport(FIXTURE, dir, 'en');
    const before = Object.fromEntries(['fit-report.html', 'fit-report.md'].map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
    // A file logi did not write in the charts folder: the folder may not be replaced.
    writeFileSync(path.join(dir, 'fit-report-charts', 'notes.txt'), 'mine');
    const refusal = await writeCalibrationReport(NOT_CONVERGED, dir, 'en').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(OutputError);
    expect((refusal as Error).message).toMatch(/notes\.txt/);
    for (const [file, text] of Object.entries(before)) expect(readFileSync(path.join(dir, file), 'utf8'), file).toBe(text);
    expect(readdirSync(dir).sort()).toEqual(['fit-report-charts', 'fit-report.html', 'fit-report.md']);
    expect(readdirSync(scratch).filter((e) => e.startsWith('.'))).toEqual([]);
  });

  it('writes nothing when the result cannot be made into a report', async () => {
    const dir = path.join(scratch, 'broken');
    mkdirSync(dir);
    const broken = { ...FIXTURE, targets: undefined } as unknown as CalibrationResult;
    await expect(writeCalibrationReport(broken, dir, 'en')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(path.join(dir, 'fit-report-charts'))).toBe(false);
  });
});

describe.runIf(RUN_BROWSER_TESTS)('the fit report in headless Chromium', () => {
  it('opens with no console error and no request but the page, every chart drawn, the hostile title as text', async () => {
    const dir = path.join(scratch, 'browser');
    const [file] = await writeCalibrationReport(HOSTILE, dir, 'en');
    const browser = await puppeteer.launch({ executablePath: browserPath(), headless: true, args: chromiumArgs() });
    try {
      const page = await browser.newPage();
      const { problems, requests } = watchPage(page);
      page.on('dialog', (dialog) => {
        problems.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      await page.goto(`file://${file}`, { waitUntil: 'load' });
      expect(problems).toEqual([]);
      expect(requests).toEqual([`file://${file}`]);
      const charts = await page.$$eval('figure.chart', (figures) =>
        figures.map((f) => {
          const box = f.querySelector('svg')?.getBoundingClientRect();
          return Boolean(box && box.width > 50 && box.height > 50);
        }),
      );
      expect(charts).toEqual([true, true, true, true, true]);
      expect(await page.$$eval('img, script, iframe, object, embed', (elements) => elements.length)).toBe(0);
      expect(await page.$eval('h1', (h) => h.textContent)).toBe('Calibration fit report — <script>alert("titre")</script> \\u202eevil\\u202c & co');
    } finally {
      await browser.close();
    }
  }, 60_000);
});
