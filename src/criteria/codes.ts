/**
 * Diagnosis, drug and act codes (docs/stratify.md, "The criteria language"): the one home of their
 * normalisation, their shapes and pattern matching, for the evaluator, the SQL compiler, the
 * generator and the lint rules.
 */

/** Upper case, dots and white space removed: `e11.9` → `E119`. */
export function normalizeCode(code: string): string {
  return code.replace(/[.\s]/g, '').toUpperCase();
}

/** ICD-10: a letter, two digits, then up to four letters or digits (dots removed). */
export const ICD10_SHAPE = /^[A-Z][0-9]{2}[0-9A-Z]{0,4}$/;
/** ATC: A, A10, A10B, A10BA, A10BA02 (anatomical group, therapeutic, pharmacological, chemical, substance). */
export const ATC_SHAPE = /^[A-Z](?:[0-9]{2}(?:[A-Z](?:[A-Z](?:[0-9]{2})?)?)?)?$/;

/** A pattern is a code, or a code followed by `*` (every code starting with it). */
export interface ParsedPattern {
  code: string;
  prefix: boolean;
}

export function parsePattern(pattern: string): ParsedPattern {
  const trimmed = pattern.trim();
  const prefix = trimmed.endsWith('*');
  return { code: normalizeCode(prefix ? trimmed.slice(0, -1) : trimmed), prefix };
}

/** Whether a normalised code matches one of the patterns. */
export function matchesAny(code: string, patterns: readonly string[]): boolean {
  const normalized = normalizeCode(code);
  return patterns.some((p) => {
    const { code: c, prefix } = parsePattern(p);
    return prefix ? normalized.startsWith(c) : normalized === c;
  });
}

/** Whether a pattern has the shape of the code system (the part before `*` for a prefix). */
export function patternHasShape(pattern: string, system: 'icd10' | 'atc'): boolean {
  const { code, prefix } = parsePattern(pattern);
  if (system === 'atc') return ATC_SHAPE.test(code);
  // A prefix may stop after the letter or one digit (`E*`, `E1*`); a full code must have the shape.
  return prefix ? /^[A-Z](?:[0-9]{1,2}[0-9A-Z]{0,4})?$/.test(code) : ICD10_SHAPE.test(code);
}
