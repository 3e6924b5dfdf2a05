/**
 * Rule presets. `recommended` (the default) uses each rule's own severity and leaves out the rules
 * whose severity is `off` (style choices such as frequency-shorthand). `strict` turns every rule
 * on as an error: what curated content (the bundled guidelines) must pass. A finding that a rule
 * caps at `warning` (advice, e.g. transition-row-sum's plausible upper values) stays a warning.
 */
import type { Severity } from '../language/diagnostic.js';

export const PRESETS = ['recommended', 'strict'] as const;
export type Preset = (typeof PRESETS)[number];

export function presetSeverity(defaultSeverity: Severity | 'off', preset: Preset): Severity | 'off' {
  return preset === 'strict' ? 'error' : defaultSeverity;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** The lower of two severities. */
export function capSeverity(severity: Severity, cap: Severity | undefined): Severity {
  return cap !== undefined && RANK[cap] < RANK[severity] ? cap : severity;
}
