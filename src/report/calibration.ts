/**
 * The calibration fit report (docs/report.md, "Calibration fit report"), built from the
 * `CalibrationResult` that `logi calibrate` writes to calibration.json: a summary of the fit, the
 * fitting targets, the validation targets apart, the calibrated parameters with their prior against
 * their posterior, and the manifest. It is the simulation report's document (document.ts), written
 * by the same writers (html.ts, markdown.ts) with charts drawn the same way (charts.ts), so both
 * reports look alike; its words come from the catalogue (src/i18n/messages/report.ts, ids
 * `report.calibration.…`) and its numbers from src/i18n/numbers.ts, in the report's language.
 *
 * Written as `fit-report.html` and `fit-report.md` (its charts in `fit-report-charts/`): all of
 * them staged first, then put in place together, as src/report/write.ts writes a report.
 */
import path from 'node:path';
import type { CalibrationResult } from '../analysis/result.js';
import { currentLanguage, type Lang } from '../i18n/language.js';
import { stageFile, type StagedFile } from '../io/atomic.js';
import { OutputSet, recordInOutputSet } from '../io/output-set.js';
import { type CalibrationContext, calibrationContext, type PendingChart } from './calibration-context.js';
import { parametersSections } from './calibration-parameters.js';
import { targetsOf, targetsSection } from './calibration-targets.js';
import { chartSvg } from './charts.js';
import { type Block, cell, type ReportDocument, type Section } from './document.js';
import { reportHtml } from './html.js';
import { reportMarkdown } from './markdown.js';

export const FIT_REPORT_HTML = 'fit-report.html';
export const FIT_REPORT_MD = 'fit-report.md';
export const FIT_REPORT_CHARTS = 'fit-report-charts';

/** Converged only when the result says so and its effective sample size reaches the threshold: never called converged below it. */
export function isConverged(result: CalibrationResult): boolean {
  return result.fit.converged && result.fit.ess >= result.fit.essThreshold;
}

export async function buildCalibrationReport(result: CalibrationResult, lang: Lang = currentLanguage()): Promise<ReportDocument> {
  const pending: PendingChart[] = [];
  const ctx = calibrationContext(result, lang, pending);
  const { w, shown, count } = ctx;
  const sections: Section[] = [summarySection(ctx), targetsSection(ctx, 'fit'), targetsSection(ctx, 'validation'), ...parametersSections(ctx), manifestSection(ctx)];
  for (const { block, spec } of pending) block.svg = await chartSvg(spec, lang);
  const { manifest, calibration } = result;
  const status = w(isConverged(result) ? 'report.calibration.converged' : 'report.calibration.not-converged');
  return {
    lang,
    title: `${w('report.calibration.report-title')} — ${shown(calibration.title)}`,
    // SIR and IMIS are the methods' names in both languages.
    subtitle: `${w('report.scenario')}${w('report.colon')}${shown(calibration.scenario)} · ${w('report.calibration.method')}${w('report.colon')}${result.fit.method.toUpperCase()} · ${status}`,
    sections,
    footer: `${w('report.generated-by')} ${shown(manifest.tool)} ${shown(manifest.version)} · ${w('report.seed')} ${manifest.seed} · ${count(manifest.draws)} ${w('report.calibration.prior-draws').toLowerCase()}`,
  };
}

function methodText(ctx: CalibrationContext): string {
  const { fit } = ctx.result;
  return fit.method === 'imis' ? ctx.say('report.calibration.method.imis', { rounds: ctx.count(fit.imisRounds) }) : ctx.w('report.calibration.method.sir');
}

/** What was calibrated, how, whether it converged, how well it fits; then the warnings. */
function summarySection(ctx: CalibrationContext): Section {
  const { result, w, say, num, count, shown } = ctx;
  const { fit } = result;
  const converged = isConverged(result);
  const evaluations = count(fit.nelderMead.evaluations);
  const within = (use: 'fit' | 'validation', title: 'report.calibration.fit-targets' | 'report.calibration.validation-targets') => {
    const targets = targetsOf(ctx, use);
    return say('report.calibration.within-count', { targets: w(title), within: count(targets.filter((t) => t.withinUncertainty).length), total: count(targets.length) });
  };
  const blocks: Block[] = [
    {
      kind: 'facts',
      items: [
        { term: w('report.calibration.calibration'), value: shown(result.calibration.title) },
        { term: w('report.scenario'), value: shown(result.calibration.scenario) },
        { term: w('report.calibration.method'), value: methodText(ctx) },
        { term: w('report.calibration.ess'), value: say('report.calibration.ess-value', { ess: num(fit.ess), threshold: num(fit.essThreshold) }) },
        { term: w('report.calibration.status'), value: w(converged ? 'report.calibration.converged' : 'report.calibration.not-converged') },
        { term: w('report.calibration.prior-draws'), value: count(result.manifest.draws) },
        { term: w('report.calibration.sample'), value: count(result.manifest.sample) },
        { term: w('report.calibration.runs'), value: count(fit.runs) },
        { term: w('report.calibration.nelder-mead'), value: say(fit.nelderMead.converged ? 'report.calibration.nelder-mead-converged' : 'report.calibration.nelder-mead-not-converged', { evaluations }) },
        { term: w('report.calibration.log-likelihood-before'), value: num(fit.logLikelihoodBefore) },
        { term: w('report.calibration.log-likelihood-point'), value: num(fit.nelderMead.logLikelihood) },
        { term: w('report.calibration.within-summary'), value: `${within('fit', 'report.calibration.fit-targets')} · ${within('validation', 'report.calibration.validation-targets')}` },
      ],
    },
  ];
  // Not converged: said in red (in bold in Markdown), where nobody reads past it.
  if (!converged) blocks.push({ kind: 'table', header: [w('report.calibration.status')], rows: [[cell(say('report.calibration.not-converged-note', { ess: num(fit.ess), threshold: num(fit.essThreshold) }), { flag: 'bad' })]] });
  blocks.push({ kind: 'paragraph', text: w('report.calibration.reading-guide'), note: true });
  blocks.push(
    result.warnings.length === 0
      ? { kind: 'facts', items: [{ term: w('report.calibration.warnings'), value: w('report.calibration.no-warnings') }] }
      : { kind: 'table', header: [w('report.calibration.warnings')], rows: result.warnings.map((warning) => [cell(shown(warning), { flag: 'warn' })]) },
  );
  return { id: 'synthese', title: w('report.summary'), level: 2, blocks };
}

/** What it takes to reproduce the calibration. */
function manifestSection(ctx: CalibrationContext): Section {
  const { result, w, count, shown } = ctx;
  const { manifest, calibration } = result;
  return {
    id: 'manifeste',
    title: w('report.manifest'),
    level: 2,
    blocks: [
      { kind: 'paragraph', text: w('report.calibration.manifest-note'), note: true },
      {
        kind: 'facts',
        items: [
          { term: w('report.tool'), value: `${shown(manifest.tool)} ${shown(manifest.version)}` },
          { term: w('report.calibration.calibration'), value: `${shown(calibration.id)} (${shown(calibration.file)})` },
          { term: w('report.scenario'), value: shown(calibration.scenario) },
          { term: w('report.seed'), value: String(manifest.seed) },
          { term: w('report.calibration.prior-draws'), value: count(manifest.draws) },
          { term: w('report.calibration.sample'), value: count(manifest.sample) },
        ],
      },
      // SHA-256 is the name of the hash in both languages.
      { kind: 'table', header: [w('report.file'), 'SHA-256'], rows: manifest.inputs.map((input) => [cell(shown(input.file), { code: true }), cell(shown(input.sha256), { code: true })]) },
    ],
  };
}

/** A file of the report, its path relative to the folder it is written in (`/`-separated). */
export interface ReportFile {
  path: string;
  content: string;
}

/**
 * The report's files, not written: `fit-report.html`, `fit-report.md`, then the Markdown's charts
 * under `fit-report-charts/`. For a command that writes them into an output set of its own.
 */
export async function calibrationReportFiles(result: CalibrationResult, lang: Lang = currentLanguage()): Promise<ReportFile[]> {
  const report = await buildCalibrationReport(result, lang);
  const { markdown, assets } = reportMarkdown(report, FIT_REPORT_CHARTS);
  return [{ path: FIT_REPORT_HTML, content: reportHtml(report) }, { path: FIT_REPORT_MD, content: markdown }, ...assets];
}

/**
 * Writes `fit-report.html`, `fit-report.md` and `fit-report-charts/` into `dir`; returns the files
 * written, the two pages first. As src/report/write.ts writes a Markdown report: the charts folder
 * is an output set (io/output-set.ts), written beside its place and swapped in whole, and both pages
 * are staged beside theirs and renamed into place in the same uninterruptible step. A failure before
 * that step (a chart folder holding foreign files, a page that cannot be written) leaves `dir` as it
 * was, the previous report whole; a report written into an output folder is recorded in its manifest.
 */
export async function writeCalibrationReport(result: CalibrationResult, dir: string, lang: Lang = currentLanguage()): Promise<string[]> {
  const [html, md, ...assets] = await calibrationReportFiles(result, lang);
  const chartName = (asset: ReportFile) => asset.path.slice(FIT_REPORT_CHARTS.length + 1);
  const charts = await OutputSet.prepare(path.join(dir, FIT_REPORT_CHARTS), { command: 'calibrate', names: assets.map(chartName) });
  const pages: StagedFile[] = [];
  try {
    const written: string[] = [];
    for (const asset of assets) written.push(await charts.write(chartName(asset), asset.content));
    for (const page of [html!, md!]) pages.push(await stageFile(path.join(dir, page.path), page.content));
    await charts.commit(async () => {
      for (const page of pages) await page.commit();
    });
    await recordInOutputSet(dir, [FIT_REPORT_HTML, FIT_REPORT_MD, `${FIT_REPORT_CHARTS}/`]);
    return [path.join(dir, FIT_REPORT_HTML), path.join(dir, FIT_REPORT_MD), ...written];
  } finally {
    for (const page of pages) await page.discard();
    await charts.discard();
  }
}
