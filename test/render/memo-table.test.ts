/**
 * The memo sheet's table (issue 22): decisions show their thresholds, grades their scale,
 * frequencies their range or `1 fois`. Expected strings written by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentLanguage, setLanguage } from '../../src/i18n/language.js';
import type { LogigrammeDocument } from '../../src/language/schemas/logigramme.js';
import { decisionThresholds, gradeTexts, logigrammeToMemo, scaleName, tableRows } from '../../src/render/memo.js';
import { memoSheetHtml } from '../../src/render/sheet.js';

const logigramme = {
  kind: 'Logigramme',
  version: 1,
  id: 'table',
  title: 'Table',
  pyramid: 'p',
  stratum: 'S2',
  start: 'in',
  nodes: {
    in: { type: 'start', label: 'Entrée', next: 'hba1c' },
    hba1c: {
      type: 'decision',
      label: 'HbA1c au-dessus de la cible ?',
      variable: { name: 'hba1c', unit: '%', min: 4, max: 15 },
      evidence: { source: 'has-2013', grade: 'B' },
      branches: [
        { label: 'oui', when: { lte: 6.5 }, next: 'suivi' },
        { label: 'non', when: { gt: 6.5 }, next: 'dfg' },
      ],
    },
    dfg: {
      type: 'decision',
      label: 'DFG ?',
      variable: { name: 'dfg', unit: 'mL/min/1,73 m²', min: 0, max: 200 },
      branches: [
        { label: 'bas', when: { lt: 30 }, next: 'nephro' },
        { label: 'moyen', when: { between: [30, 59.5] }, next: 'suivi' },
        { label: 'haut', when: { gte: 1000 }, next: 'suivi' },
      ],
    },
    nyha: {
      type: 'decision',
      label: 'Classe NYHA',
      variable: { name: 'nyha', min: 1, max: 4 },
      branches: [
        { label: 'III–IV', when: { in: [3, 4] }, next: 'nephro' },
        { label: 'I–II', when: { in: [1, 2] }, next: 'suivi' },
      ],
    },
    choix: { type: 'decision', label: 'Préférence ?', branches: [{ label: 'oui', p: 0.4, next: 'nephro' }, { label: 'non', next: 'suivi' }] },
    nephro: { type: 'action', label: 'Avis néphrologique', actor: 'nephrologue', frequency: { once: true, 'within-days': 30 }, evidence: [{ source: 'esc', grade: 'I-A' }, { source: 'kdigo', grade: '1B' }], next: 'suivi' },
    suivi: { type: 'action', label: 'Consultation', actor: 'mg', frequency: { times: { uniform: [4, 12] }, per: 'year' }, evidence: { source: 'esc', grade: 'ESC IIa-B' }, next: 'echo' },
    echo: { type: 'action', label: 'Échocardiographie', actor: 'cardio', frequency: { times: { uniform: [0.5, 1] }, per: 'year' }, evidence: { source: 'prado', grade: 'non gradé' }, next: 'fin' },
    fin: { type: 'end', label: 'Fin' },
  },
  sources: {
    'has-2013': { title: 'HAS 2013', type: 'guideline', 'grade-scale': 'HAS (A, B, C, AE) — grade des rédacteurs' },
    esc: { title: 'ESC 2021', type: 'guideline', 'grade-scale': 'ESC (classe I–III, niveau A–C)' },
    kdigo: { title: 'KDIGO 2024', type: 'guideline' },
    prado: { title: 'PRADO', type: 'report', 'grade-scale': 'HAS' },
  },
} as unknown as LogigrammeDocument;

const language = currentLanguage();
beforeAll(() => setLanguage('fr'));
afterAll(() => setLanguage(language));

describe('decision thresholds', () => {
  it('name the variable once, give each branch its bounds with the unit, in French notation, and the next node', () => {
    const nodes = logigramme.nodes as Record<string, LogigrammeDocument['nodes'][string]>;
    const at = (id: string) => nodes[id] as Parameters<typeof decisionThresholds>[0];
    expect(decisionThresholds(at('hba1c'), logigramme.nodes, 'fr')).toBe('HbA1c ≤ 6,5 % → Consultation ; > 6,5 % → DFG ?');
    expect(decisionThresholds(at('hba1c'), logigramme.nodes, 'en')).toBe('HbA1c ≤ 6.5 % → Consultation ; > 6.5 % → DFG ?');
    expect(decisionThresholds(at('dfg'), logigramme.nodes, 'fr')).toBe('DFG < 30 mL/min/1,73 m² → Avis néphrologique ; ∈ [30 ; 59,5] mL/min/1,73 m² → Consultation ; ≥ 1\u202f000 mL/min/1,73 m² → Consultation');
    expect(decisionThresholds(at('nyha'), logigramme.nodes, 'fr')).toBe('NYHA ∈ {3, 4} → Avis néphrologique ; ∈ {1, 2} → Consultation');
    expect(decisionThresholds(at('choix'), logigramme.nodes, 'fr')).toBe('oui → Avis néphrologique ; non → Consultation');
  });
});

describe('grade column', () => {
  it('prefixes each grade by its scale name, once; leaves a grade without scale alone', () => {
    expect(scaleName('HAS (A, B, C, AE) — grade des rédacteurs')).toBe('HAS');
    expect(scaleName('ESC (classe I–III, niveau A–C)')).toBe('ESC');
    expect(scaleName('GRADE')).toBe('GRADE');
    expect(scaleName('HAS — recommandations de bonne pratique')).toBe('HAS');
    const nephro = logigramme.nodes.nephro as { evidence: Parameters<typeof gradeTexts>[0] };
    expect(gradeTexts(nephro.evidence, logigramme.sources)).toEqual(['ESC I-A', '1B']);
    const suivi = logigramme.nodes.suivi as { evidence: Parameters<typeof gradeTexts>[0] };
    expect(gradeTexts(suivi.evidence, logigramme.sources)).toEqual(['ESC IIa-B']);
  });
});

describe('memo table rows', () => {
  it('lists actions and decisions in order, with ranges, one-off acts and scaled grades', () => {
    const rows = tableRows(logigramme, { mg: 'Médecin généraliste' });
    expect(rows.map((r) => (r.kind === 'action' ? [r.label, r.profession, r.frequency, r.grades, r.sources] : [r.label, r.thresholds, r.grades, r.sources]))).toEqual([
      ['HbA1c au-dessus de la cible ?', 'HbA1c ≤ 6,5 % → Consultation ; > 6,5 % → DFG ?', 'HAS B', '[1]'],
      ['DFG ?', 'DFG < 30 mL/min/1,73 m² → Avis néphrologique ; ∈ [30 ; 59,5] mL/min/1,73 m² → Consultation ; ≥ 1\u202f000 mL/min/1,73 m² → Consultation', '—', '—'],
      ['Classe NYHA', 'NYHA ∈ {3, 4} → Avis néphrologique ; ∈ {1, 2} → Consultation', '—', '—'],
      ['Préférence ?', 'oui → Avis néphrologique ; non → Consultation', '—', '—'],
      ['Avis néphrologique', 'nephrologue', '1 fois, ≤ J30', 'ESC I-A, 1B', '[2] [3]'],
      ['Consultation', 'Médecin généraliste', '4–12/an', 'ESC IIa-B', '[2]'],
      ['Échocardiographie', 'cardio', 'tous les 1–2 ans', 'HAS non gradé', '[4]'],
    ]);
  });

  it('prints a decision row in Markdown with its thresholds after the label, and in HTML across two columns', () => {
    const memo = logigrammeToMemo(logigramme);
    expect(memo).toContain('| Classe NYHA — NYHA ∈ {3, 4} → Avis néphrologique ; ∈ {1, 2} → Consultation | — | — | — | — |');
    expect(memo).toContain('| Consultation | mg | 4–12/an | ESC IIa-B | [2] |');
    expect(memo).not.toContain('≈');
    const html = memoSheetHtml(logigramme, '<svg></svg>');
    expect(html).toContain('<tr class="decision"><td>Classe NYHA</td><td colspan="2">NYHA ∈ {3, 4} → Avis néphrologique ; ∈ {1, 2} → Consultation</td><td>—</td><td>—</td></tr>');
    expect(html).toContain('<td>Avis néphrologique</td><td>nephrologue</td><td>1 fois, ≤ J30</td><td>ESC I-A, 1B</td>');
  });
});
