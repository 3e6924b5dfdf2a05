/**
 * The reports of `logi test` (docs/testing.md, "Formats"): `stylish` for a person (one line per
 * case, each failure at its file:line:col with the value found, its hint and its cause in the
 * tested files), `json` (the run as data), `junit` (the Ant/Surefire XML that CI systems read,
 * valid against Jenkins' JUnit schema) and `tap` (TAP version 14, with a YAML block per failure).
 * Words follow the language; machine formats keep their keys.
 */
import { stringify } from 'yaml';
import { t } from '../i18n/catalogue.js';
import { byCodePoint } from '../language/order.js';
import { escapeTerminal, escapeXml } from '../text/escape.js';
import type { CaseResult, Failure, Place } from './results.js';
import type { TestReport } from './run.js';

export const TEST_FORMATS = ['stylish', 'json', 'junit', 'tap'] as const;
export type TestFormat = (typeof TEST_FORMATS)[number];

const at = (place: Place) => `${place.file}:${place.range.start.line}:${place.range.start.column}`;

export function formatTestReport(format: TestFormat, report: TestReport): string {
  if (format === 'json') return JSON.stringify(testJson(report), null, 2);
  if (format === 'junit') return junit(report);
  if (format === 'tap') return tap(report);
  return stylish(report);
}

/** The run as `--json` and `--format json` give it. */
export function testJson(report: TestReport) {
  return {
    passed: report.passed,
    failed: report.failed,
    errors: report.errors,
    exitCode: report.exitCode,
    results: report.results.map((r) => ({ ...r, duration: Math.round(r.duration * 1000) / 1000 })),
    updated: report.updated,
    unusable: report.unusable,
  };
}

function failureLines(failure: Failure, indent: string): string[] {
  const lines = [`${indent}${at(failure)}  ${failure.message}`];
  if (failure.hint) lines.push(`${indent}  ${t('cli.lint.hint-label')} ${failure.hint}`);
  if (failure.cause) lines.push(`${indent}  ${at(failure.cause)}  ${failure.cause.message}`);
  return lines;
}

function stylish(report: TestReport): string {
  if (report.unusable.length > 0) {
    const lines = [t('pathway-tests.report.unusable', { count: report.unusable.length })];
    for (const d of report.unusable) {
      lines.push(`  ${d.file}:${d.range.start.line}:${d.range.start.column}  ${d.message}  ${d.ruleId}`);
      if (d.hint) lines.push(`    ${t('cli.lint.hint-label')} ${d.hint}`);
    }
    return escapeTerminal(lines.join('\n'));
  }
  const lines: string[] = [];
  let file: string | undefined;
  for (const result of report.results) {
    if (result.file !== file) {
      if (file !== undefined) lines.push('');
      file = result.file;
      lines.push(file);
    }
    const mark = result.status === 'pass' ? '✔' : '✖';
    lines.push(`  ${mark} ${result.name}${result.status === 'error' ? ` (${t('pathway-tests.report.error-word')})` : ''}`);
    for (const failure of result.failures) lines.push(...failureLines(failure, '      '));
  }
  for (const u of report.updated) lines.push(t('pathway-tests.report.updated', { file: u.file, count: u.cases }));
  lines.push('', summaryLine(report));
  return escapeTerminal(lines.join('\n'));
}

export function summaryLine(report: TestReport): string {
  const total = report.results.length;
  if (report.failed === 0 && report.errors === 0) return t('pathway-tests.report.all-passed', { count: total });
  return t('pathway-tests.report.some-failed', { failed: report.failed, errors: report.errors, passed: report.passed, total });
}

/** A failure as the text of a JUnit `<failure>` or TAP's `message`: where, what, the hint and the cause. */
function failureText(failure: Failure): string {
  return failureLines(failure, '').join('\n');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);
const xml = (text: string) => escapeXml(text);

function junit(report: TestReport): string {
  const byTest = new Map<string, CaseResult[]>();
  for (const r of report.results) byTest.set(r.test, [...(byTest.get(r.test) ?? []), r]);
  const total = report.results.reduce((sum, r) => sum + r.duration, 0);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="logi test" tests="${report.results.length}" failures="${report.failed}" errors="${report.errors}" time="${seconds(total)}">`,
  ];
  for (const [test, results] of [...byTest].sort(([a], [b]) => byCodePoint(a, b))) {
    const failures = results.filter((r) => r.status === 'fail').length;
    const errors = results.filter((r) => r.status === 'error').length;
    const time = results.reduce((sum, r) => sum + r.duration, 0);
    out.push(`  <testsuite name="${xml(test)}" tests="${results.length}" failures="${failures}" errors="${errors}" skipped="0" time="${seconds(time)}" file="${xml(results[0]!.file)}">`);
    for (const r of results) {
      const open = `    <testcase name="${xml(r.name)}" classname="${xml(`${test}.${r.kind}`)}" time="${seconds(r.duration)}"`;
      if (r.status === 'pass') {
        out.push(`${open}/>`);
        continue;
      }
      out.push(`${open}>`);
      const tag = r.status === 'error' ? 'error' : 'failure';
      for (const f of r.failures) out.push(`      <${tag} type="${r.kind}" message="${xml(`${at(f)} ${f.message}`)}">${xml(failureText(f))}</${tag}>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n');
}

/** A TAP description: `#` starts a directive, so it is escaped (TAP 14, "Escaping"); one line. */
function tapDescription(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/#/g, '\\#').replace(/[\r\n]+/g, ' ');
}

function tap(report: TestReport): string {
  const out = ['TAP version 14', `1..${report.results.length}`];
  if (report.unusable.length > 0) out.push(`Bail out! ${tapDescription(t('pathway-tests.report.unusable', { count: report.unusable.length }))}`);
  report.results.forEach((r, i) => {
    out.push(`${r.status === 'pass' ? 'ok' : 'not ok'} ${i + 1} - ${tapDescription(`${r.test}: ${r.name}`)}`);
    if (r.status === 'pass') return;
    const block = {
      severity: r.status === 'error' ? 'error' : 'fail',
      at: at(r),
      failures: r.failures.map((f) => ({ at: at(f), message: f.message, ...(f.hint ? { hint: f.hint } : {}), ...(f.actual !== undefined ? { actual: f.actual } : {}), ...(f.cause ? { cause: `${at(f.cause)} ${f.cause.message}` } : {}) })),
    };
    // A YAML diagnostic block, indented two spaces (TAP 14, "YAML Diagnostics").
    const yaml = stringify(block, { lineWidth: 0 }).trimEnd().split('\n');
    out.push('  ---', ...yaml.map((line) => `  ${line}`), '  ...');
  });
  return out.join('\n');
}
