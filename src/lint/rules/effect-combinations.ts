import { effectCombinations, MAX_EFFECT_COMBINATIONS, MAX_EFFECTS_PER_LOGIGRAMME } from '../../graph/index.js';
import { t, translate } from '../../i18n/catalogue.js';
import { parseTransition } from '../../language/schemas/index.js';
import { defineRule, docsPath } from '../rule.js';

/**
 * The simulation follows the people of a logigramme in groups, one per set of effects they met
 * (docs/simulation.md, "Effects"), with the limits of src/graph/effects.ts: at most 30 effects on
 * the stratum's own transitions per logigramme, and at most 64 distinct sets of them at any node
 * or at the exit — the enrolled entering again with the lasting effects they carry. This rule
 * counts them the way the simulation does, so that a logigramme that lints clean never stops a
 * simulation.
 */
export default defineRule<'Logigramme'>({
  meta: {
    id: 'effect-combinations',
    describe: (lang) => translate(lang, 'rules.effect-combinations.description', { effects: MAX_EFFECTS_PER_LOGIGRAMME, sets: MAX_EFFECT_COMBINATIONS }),
    severity: 'error',
    kinds: ['Logigramme'],
    docs: docsPath('effect-combinations'),
  },
  check({ document, report }) {
    const { nodes, start, stratum } = document.value;
    if (!Object.prototype.hasOwnProperty.call(nodes, start)) return; // start-required
    const masks = new Map<string, number>();
    let bits = 0;
    // Lasting effects (duration above 1) are kept by the enrolled and enter the logigramme again.
    let lasting = 0;
    for (const [id, node] of Object.entries(nodes)) {
      if (node.type !== 'action') continue;
      let mask = 0;
      for (const [k, effect] of (node.effects ?? []).entries()) {
        if (parseTransition(effect.transition)?.from !== stratum) continue; // effect-targets-transition
        if (bits === MAX_EFFECTS_PER_LOGIGRAMME) {
          report({
            path: ['nodes', id, 'effects', k],
            message: t('rules.effect-combinations.too-many-effects', { number: bits + 1, stratum, max: MAX_EFFECTS_PER_LOGIGRAMME }),
            hint: t('rules.effect-combinations.too-many-effects.hint'),
          });
          return;
        }
        if ((effect.duration ?? 1) > 1) lasting |= 1 << bits;
        mask |= 1 << bits++;
      }
      masks.set(id, mask);
    }
    const { largest } = effectCombinations(nodes, start, (id) => masks.get(id) ?? 0, MAX_EFFECT_COMBINATIONS, lasting);
    if (largest.count <= MAX_EFFECT_COMBINATIONS) return;
    report({
      path: largest.at === 'end' ? ['nodes'] : ['nodes', largest.at],
      atKey: true,
      message:
        largest.at === 'end'
          ? t('rules.effect-combinations.too-many-sets-at-exit', { max: MAX_EFFECT_COMBINATIONS })
          : t('rules.effect-combinations.too-many-sets', { node: largest.at, max: MAX_EFFECT_COMBINATIONS }),
      hint: t('rules.effect-combinations.too-many-sets.hint'),
    });
  },
});
