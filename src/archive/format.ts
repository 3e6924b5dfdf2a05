/** What `logi archive` and `logi verify` print for a person, in the current language. */
import { t } from '../i18n/catalogue.js';
import type { ArchiveSummary } from './archive.js';
import type { Reason } from './difference.js';
import type { Verification } from './verify.js';

export function formatArchive(summary: ArchiveSummary): string {
  const lines = [t('archive.wrote', { out: summary.out, files: summary.files.length, command: summary.command, target: summary.target })];
  if (summary.missing.includes('authors')) lines.push(t('archive.missing-authors'));
  if (summary.missing.includes('license')) lines.push(t('archive.missing-license'));
  return lines.join('\n');
}

function formatReason(reason: Reason): string {
  switch (reason.kind) {
    case 'version':
      return t('verify.reason.version', { recorded: reason.recorded, current: reason.current });
    case 'input':
      return t('verify.reason.input', { file: reason.file, recorded: reason.recorded, found: reason.found ?? t('verify.reason.input-missing') });
    case 'streams':
      return t('verify.reason.streams', { recorded: reason.recorded, current: reason.current });
    default:
      return t('verify.reason.unexplained');
  }
}

function formatFirstDifference(verification: Verification): string[] {
  const first = verification.firstDifference;
  if (!first) return [];
  if (first.row) {
    const year = first.row.year === null ? t('verify.no-year') : String(first.row.year);
    return [t('verify.first-row', { file: first.file, ...first.row, year, recorded: first.recorded, remade: first.remade })];
  }
  if (first.path) return [t('verify.first-value', { file: first.file, path: first.path, recorded: first.recorded, remade: first.remade })];
  return [t('verify.first-file', { file: first.file })];
}

export function formatVerification(verification: Verification): string {
  const { command, target } = verification;
  if (verification.reproduced) {
    const lines = [t('verify.reproduced', { command, target, files: verification.files.length, version: verification.version })];
    if (verification.notRemade.length > 0) lines.push(t('verify.not-remade', { files: verification.notRemade.join(', ') }));
    return lines.join('\n');
  }
  const lines = [t('verify.not-reproduced', { command, target })];
  for (const file of verification.files.filter((f) => !f.identical)) lines.push(t('verify.file-differs', { file: file.name }));
  if (verification.notRemade.length > 0) lines.push(t('verify.not-remade', { files: verification.notRemade.join(', ') }));
  if (verification.refused) lines.push(t('verify.refused', { reason: verification.refused }));
  lines.push(...formatFirstDifference(verification));
  lines.push(...verification.reasons.map(formatReason));
  return lines.join('\n');
}
