import { t } from '../../i18n/catalogue.js';
import { isOnce, parseFrequency } from '../../language/schemas/logigramme.js';
import { frequencyText } from '../../render/frequency.js';
import { defineRule, docsPath } from '../rule.js';

const NUMBER = String.raw`\d+(?:[.,]\d+)?`;
/** `4 à 12`, `1-2`, `2 to 3`: a number or a range of numbers. */
const AMOUNT = String.raw`${NUMBER}(?:\s*(?:à|to|-|–)\s*${NUMBER})?`;
const FR_PERIOD = String.raw`(?:ans?|années?|mois|semaines?|jours?|trimestres?)`;
const EN_PERIOD = String.raw`(?:years?|months?|weeks?|days?|quarters?)`;

/**
 * The ways a label states a frequency, in French and English (docs/rules/label-repeats-frequency.md):
 * `4/an`, `2 par an`, `1 fois par an`, `4 à 12 par an`, `tous les 2 ans`, `toutes les 2 semaines`,
 * `chaque année`, `per year`, `twice a year`, `every 1–2 years`, and the adjectives `annuel`,
 * `trimestriel`, `mensuel`, `hebdomadaire`, `quotidien`, `annual`, `yearly`, `monthly`, `weekly`, `daily`.
 */
const PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`${AMOUNT}\s*(?:x\s*)?/\s*(?:${FR_PERIOD}|${EN_PERIOD}|sem|j|an)(?![\p{L}\d])`, 'iu'),
  new RegExp(String.raw`(?<![\p{L}])(?:${AMOUNT}\s+)?(?:fois\s+)?(?:par|per)\s+(?:${FR_PERIOD}|${EN_PERIOD})(?![\p{L}])`, 'iu'),
  new RegExp(String.raw`(?<![\p{L}])tou(?:te)?s\s+les\s+(?:${AMOUNT}\s+)?${FR_PERIOD}(?![\p{L}])`, 'iu'),
  new RegExp(String.raw`(?<![\p{L}])chaque\s+(?:année|an|mois|semaine|jour|trimestre)(?![\p{L}])`, 'iu'),
  new RegExp(String.raw`(?<![\p{L}])(?:every|each)\s+(?:${AMOUNT}\s+)?${EN_PERIOD}(?![\p{L}])`, 'iu'),
  new RegExp(String.raw`(?<![\p{L}])(?:once|twice|${NUMBER}\s+times)\s+(?:a|an|per)\s+${EN_PERIOD}(?![\p{L}])`, 'iu'),
  new RegExp(String.raw`(?<![\p{L}])(?:(?:bi|tri|se)?annuel(?:le)?s?|semestriel(?:le)?s?|trimestriel(?:le)?s?|mensuel(?:le)?s?|hebdomadaires?|quotidien(?:ne)?s?|annual|yearly|biannual|quarterly|monthly|weekly|daily)(?![\p{L}])`, 'iu'),
];
/** With `within-days`, the day the memo prints (`≤ J7`) repeated in the label: `J7`, `à J+7`, `by day 7`. */
const DAY = /(?<![\p{L}])(?:J\s?\+?\s?\d+|(?:by|within)\s+day\s+\d+)(?![\p{L}\d])/iu;

/** The part of `label` that states a frequency, or undefined. */
export function frequencyInLabel(label: string, withinDays: boolean): string | undefined {
  for (const pattern of withinDays ? [...PATTERNS, DAY] : PATTERNS) {
    const match = pattern.exec(label);
    if (match) return match[0].trim();
  }
  return undefined;
}

/** The memo prints an action's frequency in its own column: a label that repeats it says it twice (issue 22). */
export default defineRule<'Logigramme'>({
  meta: {
    id: 'label-repeats-frequency',
    severity: 'warning',
    kinds: ['Logigramme'],
    docs: docsPath('label-repeats-frequency'),
  },
  check({ document, report }) {
    for (const [id, node] of Object.entries(document.value.nodes)) {
      if (node.type !== 'action') continue;
      const parsed = parseFrequency(node.frequency);
      const found = frequencyInLabel(node.label, isOnce(parsed) && parsed.withinDays !== undefined);
      if (found === undefined) continue;
      report({
        path: ['nodes', id, 'label'],
        message: t('rules.label-repeats-frequency.repeats', { node: id, text: found }),
        hint: t('rules.label-repeats-frequency.repeats.hint', { text: found, frequency: frequencyText(node.frequency) ?? t('rules.label-repeats-frequency.default') }),
      });
    }
  },
});
