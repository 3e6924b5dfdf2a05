import { t } from '../../i18n/catalogue.js';
import { defineRule, docsPath, type RuleReport } from '../rule.js';

/**
 * An effect's `duration`, `waning`, `half-life` and `after-exit` (docs/simulation.md, "Lasting
 * and waning effects") say something together: a duration is at least 1 cycle (the cycle of the
 * passage); waning needs a duration to wane over (without one the effect lasts the cycle of the
 * passage only, so the waning does nothing: an error; an explicit `duration: 1`, a warning); an
 * exponential waning needs its `half-life`; a `half-life` without exponential waning is unused (a
 * warning); and with `after-exit: stop` the effect is whole while the person is enrolled and
 * stops when they leave, so a waning changes nothing (a warning).
 */
export default defineRule<'Logigramme'>({
  meta: {
    id: 'effect-duration',
    severity: 'error',
    kinds: ['Logigramme'],
    docs: docsPath('effect-duration'),
  },
  check({ document, report }) {
    for (const [id, node] of Object.entries(document.value.nodes)) {
      if (node.type !== 'action') continue;
      (node.effects ?? []).forEach((effect, index) => {
        const at = (key: string) => ['nodes', id, 'effects', index, key];
        for (const finding of findings(effect)) report({ ...finding, path: at(finding.key) });
      });
    }
  },
});

interface EffectTiming {
  duration?: number | undefined;
  waning?: 'none' | 'linear' | 'exponential' | undefined;
  'half-life'?: unknown;
  'after-exit'?: 'keep' | 'stop' | undefined;
}

type Finding = Omit<RuleReport, 'path'> & { key: string };

function findings(effect: EffectTiming): Finding[] {
  const out: Finding[] = [];
  const { duration, waning } = effect;
  if (duration !== undefined && duration < 1) {
    out.push({ key: 'duration', message: t('rules.effect-duration.below-one', { duration }), hint: t('rules.effect-duration.below-one.hint') });
  }
  if (waning !== undefined && waning !== 'none') {
    if (duration === undefined) out.push({ key: 'waning', message: t('rules.effect-duration.waning-without-duration', { waning }), hint: t('rules.effect-duration.waning-without-duration.hint') });
    else if (duration === 1) {
      out.push({ key: 'waning', severity: 'warning', message: t('rules.effect-duration.waning-over-one', { waning }), hint: t('rules.effect-duration.waning-without-duration.hint') });
    }
  }
  if (waning === 'exponential' && effect['half-life'] === undefined) {
    out.push({ key: 'waning', message: t('rules.effect-duration.half-life-missing'), hint: t('rules.effect-duration.half-life-missing.hint') });
  }
  if (waning !== 'exponential' && effect['half-life'] !== undefined) {
    out.push({ key: 'half-life', severity: 'warning', message: t('rules.effect-duration.half-life-unused', { waning: waning ?? 'none' }), hint: t('rules.effect-duration.half-life-unused.hint') });
  }
  if (effect['after-exit'] === 'stop' && waning !== undefined && waning !== 'none') {
    out.push({ key: 'waning', severity: 'warning', message: t('rules.effect-duration.stop-with-waning', { waning }), hint: t('rules.effect-duration.stop-with-waning.hint') });
  }
  return out;
}
