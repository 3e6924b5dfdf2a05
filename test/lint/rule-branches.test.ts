/**
 * The branches of the lint rules that a finding's position alone does not tell apart (issue 11):
 * which node a finding names, the numbers and words of its message, the suggestion of its hint.
 * Each case lints one fixture of test/fixtures/rules/<id>/ the way rules.test.ts does (alone,
 * against the documents of context/, strict preset) and compares the findings of one rule with
 * messages and hints written out in full.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/engine.js';
import { applyEdits } from '../../src/lint/fix.js';
import { BUILTIN_RULES } from '../../src/lint/rules/index.js';
import { FIXTURES } from './helpers.js';

/** `line:column`, message and hint of one finding. */
type Finding = [at: string, message: string, hint: string | undefined];

/** The findings of `ruleId` when `fixture` (relative to test/fixtures/rules) is linted, in the order lint sorts them. */
async function findings(fixture: string, ruleId: string): Promise<Finding[]> {
  const result = await lint({ cwd: FIXTURES, paths: [path.join(FIXTURES, fixture)], rules: BUILTIN_RULES });
  return result.diagnostics.filter((d) => d.ruleId === ruleId).map((d) => [`${d.range.start.line}:${d.range.start.column}`, d.message, d.hint]);
}

const expectFindings = async (fixture: string, ruleId: string, expected: Finding[]) => {
  expect(await findings(fixture, ruleId)).toEqual(expected);
};

/** The text of `fixture` once the fixes of its findings are applied (what `logi lint --fix` writes). */
async function fixed(fixture: string): Promise<string> {
  const file = path.join(FIXTURES, fixture);
  const result = await lint({ cwd: FIXTURES, paths: [file], rules: BUILTIN_RULES });
  expect(result.fixes.map((f) => f.absolutePath)).toEqual([file]);
  return applyEdits(result.fixes[0]!.text, result.fixes[0]!.edits).text;
}

/** The text of `fixture` with `from` replaced by `to` (which must occur once). */
function edited(fixture: string, from: string, to: string): string {
  const text = readFileSync(path.join(FIXTURES, fixture), 'utf8');
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
}

describe('action-frequency-required', () => {
  it('names the action without a frequency', async () => {
    await expectFindings('action-frequency-required/invalid/no-frequency.yaml', 'action-frequency-required', [
      ['11:3', 'action `hba1c` has no `frequency`: its volume of acts cannot be counted', 'add how many acts per person reaching this step, e.g. `frequency: { times: 1, per: year }`'],
    ]);
  });
});

describe('condition-coverage', () => {
  const GAP_HINT = 'add a branch for these values, or widen a neighbouring condition (e.g. `lte` instead of `lt`)';
  const RANGE_HINT = 'add a branch for these values, or give the variable its range (`min`, `max`) if they cannot occur';
  const OVERLAP_HINT = 'make one side exclusive, e.g. `lte: 7` on one branch and `gt: 7` on the other';
  const EMPTY_HINT = 'check the bounds (e.g. `gt` above `lt`), and the variable\'s `min` and `max`';
  const WHEN_HINT = 'give every branch its condition, e.g. `when: { gt: 7 }` for the values the others leave out';

  it('names every branch without `when`, and checks nothing else of that decision', async () => {
    await expectFindings('condition-coverage/invalid/branch-without-when.yaml', 'condition-coverage', [
      ['19:9', 'branch « à revoir » has no `when` while the other branches do: the coverage of hba1c cannot be checked', WHEN_HINT],
      ['21:9', 'branch « autre » has no `when` while the other branches do: the coverage of hba1c cannot be checked', WHEN_HINT],
    ]);
  });

  it('calls a decision without `variable` "the value", and counts its first branch', async () => {
    await expectFindings('condition-coverage/invalid/branch-without-when-no-variable.yaml', 'condition-coverage', [
      ['16:9', 'branch « non » has no `when` while the other branches do: the coverage of the value cannot be checked', WHEN_HINT],
    ]);
  });

  it('reports a range whose min is above its max, and nothing else', async () => {
    await expectFindings('condition-coverage/invalid/min-above-max.yaml', 'condition-coverage', [
      ['14:15', 'the range of hba1c is empty: min 15 is above max 4', 'swap `min` and `max`'],
    ]);
  });

  it('takes min = max as a one-value range', async () => {
    await expectFindings('condition-coverage/invalid/min-equals-max.yaml', 'condition-coverage', [
      ['18:33', 'the condition of « > 7 % » accepts no value of hba1c in [7 ; 7]: nobody takes this branch', EMPTY_HINT],
    ]);
  });

  it('reports text values mixed with numbers', async () => {
    await expectFindings('condition-coverage/invalid/mixed.yaml', 'condition-coverage', [
      ['16:5', 'the conditions of `choix` mix text values and numbers: nyha cannot be both', 'compare the variable with numbers only (lt, lte, gt, gte, eq, in, between), or with categories only (eq, in)'],
    ]);
  });

  it('counts the branches that share a category, in words up to six and in digits beyond', async () => {
    await expectFindings('condition-coverage/invalid/category-twice.yaml', 'condition-coverage', [
      ['18:33', 'nyha = « II » reaches two branches (« I ou II » and « II à IV »)', 'list each category in one branch only'],
    ]);
    await expectFindings('condition-coverage/invalid/seven-categories.yaml', 'condition-coverage', [
      ['18:27', 'stade = « X » reaches 7 branches (« a », « b », « c », « d », « e », « f » and « g »)', 'list each category in one branch only'],
    ]);
  });

  it('says "value" for a continuous variable and "whole number" for a discrete one when a branch is impossible', async () => {
    await expectFindings('condition-coverage/invalid/impossible-branch.yaml', 'condition-coverage', [
      ['19:34', 'the condition of « > 20 % » accepts no value of hba1c in [4 ; 15]: nobody takes this branch', EMPTY_HINT],
    ]);
    await expectFindings('condition-coverage/invalid/impossible-grade.yaml', 'condition-coverage', [
      ['19:33', 'the condition of « Au-delà » accepts no whole number of grade in [0 ; 3]: nobody takes this branch', EMPTY_HINT],
    ]);
  });

  it('suggests a range only for a gap that runs to an infinity the variable leaves open', async () => {
    await expectFindings('condition-coverage/invalid/gap.yaml', 'condition-coverage', [['16:5', 'hba1c in ]7 ; 8] reaches no branch', GAP_HINT]]);
    await expectFindings('condition-coverage/invalid/unbounded-gap.yaml', 'condition-coverage', [['16:5', 'glycemie > 1.25 reaches no branch', RANGE_HINT]]);
    await expectFindings('condition-coverage/invalid/gap-below.yaml', 'condition-coverage', [['16:5', 'glycemie < 1.1 reaches no branch', RANGE_HINT]]);
    await expectFindings('condition-coverage/invalid/gaps-with-min-only.yaml', 'condition-coverage', [
      ['17:5', 'dfg > 60 reaches no branch', RANGE_HINT],
      ['17:5', 'dfg in [30 ; 45[ reaches no branch', GAP_HINT],
    ]);
  });

  it('writes the gaps and overlaps of a discrete variable as whole numbers', async () => {
    await expectFindings('condition-coverage/invalid/missing-grade.yaml', 'condition-coverage', [['16:5', 'grade = 2 reaches no branch', GAP_HINT]]);
    await expectFindings('condition-coverage/invalid/grades-far-apart.yaml', 'condition-coverage', [
      ['17:5', 'score in {3, 4, …, 9} reaches no branch', GAP_HINT],
      ['19:29', 'score = 0 reaches two branches (« Nul » and « Bas »)', OVERLAP_HINT],
    ]);
  });

  it('names the branches that overlap, at the second one', async () => {
    await expectFindings('condition-coverage/invalid/overlap.yaml', 'condition-coverage', [
      ['18:31', 'hba1c = 7 reaches two branches (« ≤ 7 % » and « ≥ 7 % »)', OVERLAP_HINT],
    ]);
    await expectFindings('condition-coverage/invalid/three-overlap.yaml', 'condition-coverage', [
      ['18:40', 'hba1c = 7 reaches three branches (« ≤ 7 % », « 7 % tout juste » and « ≥ 7 % »)', OVERLAP_HINT],
    ]);
  });

  it('quotes the labels exactly as written: a comma, a quote or a backtick in a label stays where it is (issue 13)', async () => {
    // The last label holds a comma: the list is joined once, never rewritten afterwards ("and"
    // must come before the last label, not replace the comma inside it).
    await expectFindings('condition-coverage/invalid/labels-with-commas.yaml', 'condition-coverage', [
      ['18:43', 'hba1c = 7 reaches three branches (« ≤ 7 %, objectif atteint », « 7 %, tout juste » and « ≥ 7 %, "à revoir" `vite` »)', OVERLAP_HINT],
    ]);
  });
});

describe('consistent-units', () => {
  it('tells a condition in another unit from a missing variable and a variable without unit', async () => {
    const convert = 'convert the bounds to g/L and remove `unit`, or correct its spelling';
    await expectFindings('consistent-units/invalid/condition-in-another-unit.yaml', 'consistent-units', [
      ['18:47', 'this condition is in mmol/L but glycemie is in g/L', convert],
      ['19:48', 'this condition is in mmol/L but glycemie is in g/L', convert],
    ]);
    await expectFindings('consistent-units/invalid/no-variable.yaml', 'consistent-units', [
      ['17:48', 'this condition is in g/L but the decision declares no `variable`', 'declare what is tested: `variable: { name: …, unit: "g/L" }`'],
    ]);
    await expectFindings('consistent-units/invalid/variable-without-unit.yaml', 'consistent-units', [
      ['17:47', 'this condition is in g/L but glycemie has no unit', 'declare it: `variable: { name: glycemie, unit: "g/L" }`'],
    ]);
  });

  it('names the first decision that declared the unit, with its document when it is another one', async () => {
    const hint = 'use one unit for glycemie everywhere (thresholds in two units are easy to confuse), or give the variables different names';
    await expectFindings('consistent-units/invalid/variable-two-units.yaml', 'consistent-units', [
      ['23:39', 'glycemie is in mmol/L here but in g/L at decision `resultat`', hint],
    ]);
    await expectFindings('consistent-units/invalid/first-unit-wins.yaml', 'consistent-units', [
      ['30:39', 'glycemie is in mmol/L here but in g/L at decision `resultat`', hint],
      ['38:39', 'glycemie is in mmol/L here but in g/L at decision `resultat`', hint],
    ]);
    await expectFindings('consistent-units/invalid/other-document.yaml', 'consistent-units', [
      ['33:39', 'glycemie is in mmol/L here but in g/L at decision `resultat` of glycemie-grammes (consistent-units/invalid/other-document.yaml)', hint],
    ]);
  });
});

describe('decision-needs-two-branches', () => {
  it('says how many branches the decision has', async () => {
    await expectFindings('decision-needs-two-branches/invalid/one-branch.yaml', 'decision-needs-two-branches', [
      ['14:5', 'decision `choix` has 1 branch: a decision needs at least two', 'add the other outcome as a branch, or make this node an action with `next:`'],
    ]);
  });
});

describe('effect-targets-transition', () => {
  it('lists the transitions out of the logigramme\'s stratum for an effect on another stratum', async () => {
    await expectFindings('effect-targets-transition/invalid/other-stratum.yaml', 'effect-targets-transition', [
      ['18:23', 'this effect changes S1->S2, but the logigramme serves S2: the people here leave S2, never S1', 'an effect here acts on a transition out of S2: S2->deces'],
    ]);
    await expectFindings('effect-targets-transition/invalid/other-stratum-several-ways-out.yaml', 'effect-targets-transition', [
      ['18:23', 'this effect changes S0->S1, but the logigramme serves S1: the people here leave S1, never S0', 'an effect here acts on a transition out of S1: S1->S2, S1->S0, S1->deces'],
    ]);
    await expectFindings('effect-targets-transition/invalid/stratum-without-transition.yaml', 'effect-targets-transition', [
      ['30:23', 'this effect changes normotendu->hypertendu, but the logigramme serves hypertendu: the people here leave hypertendu, never normotendu', 'the pyramid defines no transition out of hypertendu'],
    ]);
  });

  it('tells staying in a stratum from a missing transition', async () => {
    await expectFindings('effect-targets-transition/invalid/staying-is-not-a-transition.yaml', 'effect-targets-transition', [
      ['18:23', 'S2->S2 is not a transition: staying in S2 is the remainder of its row', 'name a transition to another stratum or an exit'],
    ]);
  });

  it('suggests a close transition out of the same stratum for an effect, out of any stratum for a multiplier', async () => {
    await expectFindings('effect-targets-transition/invalid/did-you-mean.yaml', 'effect-targets-transition', [
      ['18:23', 'the pyramid `diabete` has no transition S0->S2', 'did you mean `S0->S1`?'],
    ]);
    // S0->S1 is one edit away from S2->S1 but leaves S0: an effect of this S2 logigramme cannot use it, a multiplier can.
    await expectFindings('effect-targets-transition/invalid/undefined-transition.yaml', 'effect-targets-transition', [
      ['18:23', 'the pyramid `diabete` has no transition S2->S1', 'the transitions out of S2 are S2->deces; add S2->S1 to the pyramid first if it exists'],
    ]);
    await expectFindings('effect-targets-transition/invalid/nothing-close.yaml', 'effect-targets-transition', [
      [
        '35:23',
        'the pyramid `hypertension` has no transition normotendu->complique',
        'the transitions out of normotendu are normotendu->hypertendu, normotendu->deces; add normotendu->complique to the pyramid first if it exists',
      ],
    ]);
    await expectFindings('effect-targets-transition/invalid/multiplier.yaml', 'effect-targets-transition', [
      ['11:20', 'the pyramid `diabete` has no transition S2->S1', 'did you mean `S0->S1`?'],
    ]);
  });

  it('says when the pyramid has no transition out of the stratum (events and multipliers)', async () => {
    const hint = 'the pyramid defines no transition out of hypertendu; add hypertendu->deces to its `transitions` first';
    await expectFindings('effect-targets-transition/invalid/no-transition-out.yaml', 'effect-targets-transition', [
      ['15:15', 'the pyramid `hypertension` has no transition hypertendu->deces', hint],
      ['27:20', 'the pyramid `hypertension` has no transition hypertendu->deces', hint],
    ]);
  });
});

describe('evidence-required', () => {
  it('suggests citing the first source when there is one', async () => {
    await expectFindings('evidence-required/invalid/no-evidence.yaml', 'evidence-required', [
      ['18:3', 'action `suivi` cites no evidence', 'add `evidence: { source: has-2014, grade: … }` citing an entry of `sources`'],
    ]);
    await expectFindings('evidence-required/invalid/no-sources.yaml', 'evidence-required', [
      ['11:3', 'action `suivi` cites no evidence', 'add the recommendation to `sources` and cite it: `evidence: { source: <id>, grade: … }`'],
    ]);
  });
});

describe('frequency-shorthand', () => {
  it('rewrites the shorthand in its mapping form', async () => {
    expect(await fixed('frequency-shorthand/invalid/spaced-decimal.yaml')).toBe(
      edited('frequency-shorthand/invalid/spaced-decimal.yaml', 'frequency: " 2.5 / quarter "', 'frequency: { times: 2.5, per: quarter }'),
    );
  });

  it('writes out the mapping form of the shorthand', async () => {
    const hint = 'the mapping form is the one the reference, the diagrams and the memo sheets use; `logi lint --fix` rewrites it';
    await expectFindings('frequency-shorthand/invalid/shorthand.yaml', 'frequency-shorthand', [['15:16', 'write the frequency `4/year` as `{ times: 4, per: year }`', hint]]);
    await expectFindings('frequency-shorthand/invalid/spaced-decimal.yaml', 'frequency-shorthand', [
      ['15:16', 'write the frequency `2.5 / quarter` as `{ times: 2.5, per: quarter }`', hint],
    ]);
  });
});

describe('label-length', () => {
  it('counts characters, not UTF-16 units, one over each limit', async () => {
    const node = 'this label has 81 characters; node labels stay within 80 so that the diagram stays legible';
    const nodeHint = 'keep the label to what the box must say, and move the details to `note:`';
    const branch = 'this branch label has 61 characters; branch labels stay within 60';
    const branchHint = 'say the outcome in a few words (e.g. « oui », « HbA1c > 7 % ») and move the details to the branch\'s `note:`';
    await expectFindings('label-length/invalid/one-over.yaml', 'label-length', [
      ['16:12', node, nodeHint],
      ['23:12', node, nodeHint],
      ['25:18', branch, branchHint],
      ['26:18', branch, branchHint],
    ]);
  });
});

describe('no-cycle', () => {
  const hint = 'a logigramme is followed once per cycle: repetition is a frequency (e.g. `frequency: { times: 4, per: year }`), not a loop; lead to a later step or an end node';

  it('names the loop from the node it goes back to', async () => {
    await expectFindings('no-cycle/invalid/back-to-test.yaml', 'no-cycle', [['23:29', 'this goes back to `hba1c`, making a loop: hba1c → objectif → hba1c', hint]]);
    await expectFindings('no-dead-end/invalid/long-loop.yaml', 'no-cycle', [
      ['17:87', 'this goes back to `consultation`, making a loop: consultation → bilan → ophtalmologie → podologie → cardiologie → nephrologie → consultation', hint],
    ]);
  });

  it('says a node leads back to itself, through `next` or a branch', async () => {
    await expectFindings('no-cycle/invalid/self-loop-next.yaml', 'no-cycle', [['18:95', '`relance` leads back to itself', hint]]);
    await expectFindings('no-unreachable-node/invalid/self-loop-first.yaml', 'no-cycle', [['17:37', '`relance` leads back to itself', hint]]);
  });
});

describe('no-dead-end', () => {
  const LEAF_HINT = 'add `next:` towards the following step, or towards an end node (`type: end`)';
  const LOOP_HINT = 'give one of these steps a way out towards an end node; repetition is a `frequency`, not a loop';

  it('names the node where the path stops', async () => {
    await expectFindings('no-dead-end/invalid/action-without-next.yaml', 'no-dead-end', [
      ['17:3', 'the path stops at `intensification`: this action node has no `next`', LEAF_HINT],
    ]);
  });

  it('reports a loop without exit once, at the node that leads into it, with the steps of the loop', async () => {
    await expectFindings('no-dead-end/invalid/loop-without-exit.yaml', 'no-dead-end', [
      ['18:3', 'no path from `intensification` reaches an end: the steps after it loop among themselves (intensification, controle, ajustement)', LOOP_HINT],
    ]);
    await expectFindings('no-dead-end/invalid/two-loops.yaml', 'no-dead-end', [
      ['21:3', 'no path from `controle` reaches an end: the steps after it loop among themselves (controle, ajustement)', LOOP_HINT],
      ['23:3', 'no path from `specialiste` reaches an end: the steps after it loop among themselves (specialiste, retour)', LOOP_HINT],
    ]);
  });

  it('lists six steps of a loop, and an ellipsis beyond', async () => {
    await expectFindings('no-dead-end/invalid/whole-flow-loops.yaml', 'no-dead-end', [
      ['11:3', 'no path from `inclusion` reaches an end: the steps after it loop among themselves (inclusion, consultation, bilan, ophtalmologie, podologie, cardiologie)', LOOP_HINT],
    ]);
    await expectFindings('no-dead-end/invalid/long-loop.yaml', 'no-dead-end', [
      ['11:3', 'no path from `inclusion` reaches an end: the steps after it loop among themselves (inclusion, consultation, bilan, ophtalmologie, podologie, cardiologie, …)', LOOP_HINT],
    ]);
  });

  it('explains a loop that leads to a dead end by the dead end alone', async () => {
    await expectFindings('no-dead-end/invalid/loop-into-dead-end.yaml', 'no-dead-end', [
      ['25:3', 'the path stops at `intensification`: this action node has no `next`', LEAF_HINT],
    ]);
    await expectFindings('no-dead-end/invalid/two-dead-ends.yaml', 'no-dead-end', [
      ['20:3', 'the path stops at `intensification`: this action node has no `next`', LEAF_HINT],
    ]);
  });

  it('stays silent when `start` names no node, and on nodes the start cannot reach', async () => {
    await expectFindings('no-unknown-target/invalid/start-typo.yaml', 'no-dead-end', []);
    await expectFindings('no-unreachable-node/invalid/unreachable-loop.yaml', 'no-dead-end', []);
  });
});

describe('no-unknown-target', () => {
  it('suggests the closest node, or lists the nodes when none is close', async () => {
    await expectFindings('no-unknown-target/invalid/start-typo.yaml', 'no-unknown-target', [['8:8', 'no node `inclusio` in this logigramme', 'did you mean `inclusion`?']]);
    await expectFindings('no-unknown-target/invalid/typo-in-next.yaml', 'no-unknown-target', [['17:11', 'no node `fn` in this logigramme', 'did you mean `fin`?']]);
    await expectFindings('no-unknown-target/invalid/nothing-close.yaml', 'no-unknown-target', [
      ['16:29', 'no node `hospitalisation` in this logigramme', 'known nodes: `choix`, `fin`, `inclusion`'],
    ]);
  });
});

describe('no-unreachable-node', () => {
  const hint = 'lead to it with `next:` or a branch from a reachable node, or delete it';

  it('reports each unreachable region once, at its entry, with the number of nodes after it', async () => {
    await expectFindings('no-unreachable-node/invalid/orphan-chain.yaml', 'no-unreachable-node', [
      ['18:3', 'node `fond-oeil` cannot be reached from the start `inclusion` (nor the 1 node after it)', hint],
    ]);
    await expectFindings('no-unreachable-node/invalid/two-entries.yaml', 'no-unreachable-node', [
      ['12:3', 'node `consultation` cannot be reached from the start `inclusion` (nor the 2 nodes after it)', hint],
      ['15:3', 'node `urgence` cannot be reached from the start `inclusion`', hint],
    ]);
  });

  it('enters a region that only loops at its first node, and a node looping on itself is still an entry', async () => {
    await expectFindings('no-unreachable-node/invalid/unreachable-loop.yaml', 'no-unreachable-node', [
      ['12:3', 'node `controle` cannot be reached from the start `inclusion` (nor the 1 node after it)', hint],
    ]);
    await expectFindings('no-unreachable-node/invalid/self-loop-first.yaml', 'no-unreachable-node', [
      ['13:3', 'node `relance` cannot be reached from the start `inclusion` (nor the 1 node after it)', hint],
    ]);
  });

  it('names the start it measures from', async () => {
    await expectFindings('start-required/invalid/start-names-a-decision.yaml', 'no-unreachable-node', [['11:3', 'node `inclusion` cannot be reached from the start `choix`', hint]]);
  });

  it('stays silent when `start` names no node, or when a reachable node points to a missing one', async () => {
    await expectFindings('no-unknown-target/invalid/start-typo.yaml', 'no-unreachable-node', []);
    await expectFindings('no-unknown-target/invalid/typo-in-next.yaml', 'no-unreachable-node', []);
  });
});

describe('no-unused-phase', () => {
  it('removes the empty phase, and nothing else', async () => {
    expect(await fixed('no-unused-phase/invalid/empty-phase.yaml')).toBe(edited('no-unused-phase/invalid/empty-phase.yaml', '  education: { label: Éducation thérapeutique }\n', ''));
  });

  it('names the empty phase', async () => {
    await expectFindings('no-unused-phase/invalid/empty-phase.yaml', 'no-unused-phase', [
      ['11:3', 'phase `education` holds no node', 'put nodes in it with `phase: education`, or remove it (`logi lint --fix` removes it)'],
    ]);
  });
});

describe('no-unused-source', () => {
  it('removes the source nobody cites, and nothing else', async () => {
    expect(await fixed('no-unused-source/invalid/close-ids.yaml')).toBe(
      edited('no-unused-source/invalid/close-ids.yaml', '  has-2013: { title: HAS — Stratégie médicamenteuse du diabète de type 2, year: 2013, type: guideline, grade-scale: HAS }\n', ''),
    );
  });

  it('names the source nobody cites, unless a citation looks like it misspelt', async () => {
    const hint = (id: string) => `cite it with \`source: ${id}\` where it supports a figure, or remove it (\`logi lint --fix\` removes it)`;
    await expectFindings('no-unused-source/invalid/forgotten.yaml', 'no-unused-source', [['21:3', 'source `ada-2024` is never cited', hint('ada-2024')]]);
    await expectFindings('no-unused-source/invalid/unknown-citation-far.yaml', 'no-unused-source', [['22:3', 'source `ada-2024` is never cited', hint('ada-2024')]]);
    await expectFindings('no-unused-source/invalid/territory.yaml', 'no-unused-source', [['13:3', 'source `cnam-2022` is never cited', hint('cnam-2022')]]);
    await expectFindings('no-unused-source/invalid/close-ids.yaml', 'no-unused-source', [['20:3', 'source `has-2013` is never cited', hint('has-2013')]]);
    await expectFindings('known-source/invalid/typo.yaml', 'no-unused-source', []);
  });
});

describe('pyramid-coverage', () => {
  it('names the program of another pyramid, as baseline or as program', async () => {
    await expectFindings('pyramid-coverage/invalid/scenario-other-pyramid.yaml', 'pyramid-coverage', [
      ['23:10', 'program `programme-ic` is for pyramid `insuffisance-cardiaque`; this scenario simulates `diabete`', 'choose a program whose `pyramid` is `diabete`'],
    ]);
    await expectFindings('pyramid-coverage/invalid/scenario-baseline-other-pyramid.yaml', 'pyramid-coverage', [
      ['22:11', 'program `usuel-ic` is for pyramid `insuffisance-cardiaque`; this scenario simulates `diabete`', 'choose a program whose `pyramid` is `diabete`'],
    ]);
  });

  it('tells a logigramme of another pyramid from one of another stratum, and suggests the ones that fit', async () => {
    await expectFindings('pyramid-coverage/invalid/logigramme-of-another-pyramid.yaml', 'pyramid-coverage', [
      ['16:21', '`dt2-s1-depistage` belongs to pyramid `diabete`; this program is for `prediabete`', 'write a logigramme with `pyramid: prediabete` and `stratum: S1`'],
    ]);
    await expectFindings('pyramid-coverage/invalid/wrong-stratum.yaml', 'pyramid-coverage', [
      ['8:21', '`dt2-s2-suivi` serves stratum S2, not S1', 'the logigramme for S1 of diabete: `dt2-s1-depistage`'],
    ]);
    await expectFindings('pyramid-coverage/invalid/two-fitting-logigrammes.yaml', 'pyramid-coverage', [
      ['19:21', '`dt2-s2-suivi` serves stratum S2, not S1', 'the logigrammes for S1 of diabete: `dt2-s1-depistage`, `dt2-s1-hygiene`'],
    ]);
  });
});

describe('start-required', () => {
  it('asks for the id named in `start:` only when no node has it', async () => {
    await expectFindings('start-required/invalid/no-start-node.yaml', 'start-required', [
      ['9:1', 'this logigramme has no start node', 'add a node with `type: start` that leads to the first step'],
    ]);
    await expectFindings('start-required/invalid/no-start-named-id-missing.yaml', 'start-required', [
      ['10:1', 'this logigramme has no start node', 'add a node with `type: start` that leads to the first step, with the id `depart` named in `start:`'],
    ]);
  });

  it('suggests the start node when `start` names another node', async () => {
    await expectFindings('start-required/invalid/start-names-a-decision.yaml', 'start-required', [
      ['9:8', '`start` names `choix`, a node of type decision, not a start node', 'did you mean `inclusion`?'],
    ]);
  });

  it('keeps the start node that `start` names, else the first one', async () => {
    const hint = 'people enter a logigramme at one place; make this node an action, or split the logigramme';
    await expectFindings('start-required/invalid/two-starts.yaml', 'start-required', [['12:19', 'a second start node (`inclusion` is the start): a logigramme has exactly one', hint]]);
    await expectFindings('start-required/invalid/start-names-the-second-start.yaml', 'start-required', [
      ['11:22', 'a second start node (`retour` is the start): a logigramme has exactly one', hint],
    ]);
    await expectFindings('start-required/invalid/two-starts-start-names-neither.yaml', 'start-required', [
      ['11:8', '`start` names `fin`, a node of type end, not a start node', 'name the node of type `start`'],
      ['14:19', 'a second start node (`inclusion` is the start): a logigramme has exactly one', hint],
    ]);
  });
});

describe('territory-counts', () => {
  it('writes the numbers of people in full', async () => {
    await expectFindings('territory-counts/invalid/more-than-population.yaml', 'territory-counts', [
      ['9:5', 'the strata of diabete hold 77,000 people, more than the population (70,000)', 'counts are people per stratum at the start; check them and `population`'],
    ]);
  });

  it('names the strata not counted, in the singular or the plural', async () => {
    await expectFindings('territory-counts/invalid/stratum-missing.yaml', 'territory-counts', [
      ['9:5', 'stratum S2 of diabete is not counted', 'add `S2: <people>` (0 when nobody is in it)'],
    ]);
    await expectFindings('territory-counts/invalid/strata-missing.yaml', 'territory-counts', [
      ['9:5', 'strata S1, S2 of diabete are not counted', 'add `S1: <people>`, `S2: <people>` (0 when nobody is in it)'],
    ]);
  });

  it('names the territory of a scenario without counts, and its file', async () => {
    await expectFindings('territory-counts/invalid/scenario-territory-without-pyramid.yaml', 'territory-counts', [
      [
        '13:27',
        'territory `territoire-ic` has no counts for pyramid `diabete`',
        'add `pyramids: { diabete: { counts: {…} } }` to territory-counts/invalid/scenario-territory-without-pyramid.yaml, or remove the territory from the scenario',
      ],
    ]);
  });

  it('still compares with the population when the pyramid is unknown, but counts no strata', async () => {
    await expectFindings('known-reference/invalid/territory-pyramid-typo.yaml', 'territory-counts', [
      ['10:5', 'the strata of diabet hold 72,000 people, more than the population (70,000)', 'counts are people per stratum at the start; check them and `population`'],
    ]);
  });
});

describe('the rules of references (known-actor, known-reference, known-source, stratum-exists)', () => {
  it('re-issue the loader\'s findings of their own id, with message, hint and position', async () => {
    await expectFindings('known-actor/invalid/typo.yaml', 'known-actor', [['14:12', 'unknown actor `labo`', 'known actors: `infirmier`, `laboratoire`, `medecin-generaliste`']]);
    await expectFindings('known-actor/invalid/territory-workforce.yaml', 'known-actor', [['12:3', 'unknown actor `medecin-generalist`', 'did you mean `medecin-generaliste`?']]);
    await expectFindings('known-source/invalid/typo.yaml', 'known-source', [['16:25', 'unknown source `has-2041`', 'did you mean `has-2014`?']]);
    await expectFindings('known-reference/invalid/scenario-typo.yaml', 'known-reference', [['6:15', 'unknown territory `territoir`', 'did you mean `territoire`?']]);
    await expectFindings('known-reference/invalid/overlap.yaml', 'known-reference', [
      ['16:14', 'unknown pyramid `diabet`', 'did you mean `diabete`?'],
      ['19:14', 'a pyramid cannot overlap itself (`hypertension`)', 'name the other pyramid that counts some of the same people'],
    ]);
    await expectFindings('stratum-exists/invalid/effect-unknown-state.yaml', 'stratum-exists', [
      ['19:23', 'unknown state `dialyse`', 'known states: `S0`, `S1`, `S2`, `deces`'],
      // S9 is one edit from S0, S1 and S2: the ties are listed together (issue 13).
      ['20:23', 'unknown stratum `S9`', 'did you mean `S0`, `S1` or `S2`?'],
    ]);
  });
});

describe('the rules of numbers and distributions (issue 11): messages with their figures', () => {
  // Figures checked by hand: √(0.5·0.5) = 0.5; σ = ln(1.44)/3.92 = 0.0930, the mean 1.2·e^(σ²/2) = 1.2052;
  // √(0.42 × 0.9) = 0.614817, 0.75²/0.9 = 0.625, 0.75²/0.42 = 1.33929, 0.75/√(0.9/0.42) = 0.512348.
  it('parameter-feasible: an impossible beta, values out of range, draws that may leave the range', async () => {
    await expectFindings('parameter-feasible/invalid/beta-sd-too-large.yaml', 'parameter-feasible', [
      ['11:55', 'a beta with mean 0.5 cannot have sd 0.6: the sd of a beta is below √(mean·(1−mean)) = 0.5', 'lower the sd below 0.5 (a probability known to ±0.25 has sd ≈ 0.125), or write {beta: {alpha, beta}}'],
    ]);
    await expectFindings('parameter-feasible/invalid/probability-out-of-range.yaml', 'parameter-feasible', [
      ['14:30', '1.4 is not a probability in [0, 1]', 'write a share between 0 and 1, e.g. 0.03 for 3 %'],
      ['15:27', 'the uniform reaches 1.2, which is not a probability in [0, 1]', 'narrow it: write a share between 0 and 1, e.g. 0.03 for 3 %'],
      ['16:31', 'its central value 1.5 is not a probability in [0, 1]', 'write a share between 0 and 1, e.g. 0.03 for 3 %'],
    ]);
    await expectFindings('parameter-feasible/invalid/normal-cost.yaml', 'parameter-feasible', [
      ['7:71', 'a normal can draw values that are not a number ≥ 0; the simulation stops at the first such draw', 'use a gamma or a lognormal for a value that cannot be negative'],
      ['8:55', 'the triangular reaches -5, which is not a number ≥ 0', 'narrow it: write a number ≥ 0'],
    ]);
    await expectFindings('parameter-feasible/invalid/lognormal-outside-interval.yaml', 'parameter-feasible', [
      ['11:51', 'the point estimate 1.6 lies outside its 95 % interval [1, 1.4]', 'write {lognormal: {median: estimate, ci95: [low, high]}} with low ≤ estimate ≤ high'],
    ]);
  });

  it('lognormal-median and ci95-consistent', async () => {
    await expectFindings('lognormal-median/invalid/mean-with-ci95.yaml', 'lognormal-median', [
      ['11:43', '`mean: 1.2` with a `ci95` is read as the median (the point estimate); the mean of this lognormal is 1.2052', 'write `median: 1.2` (same distribution), or `{mean, sd}` if 1.2 really is the mean'],
    ]);
    await expectFindings('ci95-consistent/invalid/estimate-near-an-end.yaml', 'ci95-consistent', [
      [
        '11:63',
        'the estimate 0.75 is not near the middle of [0.42, 0.9] on the log scale (distances 0.579818 below, 0.182322 above): the simulation would draw from [0.512348, 1.09789]',
        'check the figures against the source; consistent alternatives: median 0.614817 with this interval, or ci95 [0.625, 0.9], or [0.42, 1.33929]',
      ],
    ]);
  });

  it('effect-combinations: the 31st effect, and 128 sets where 64 are followed', async () => {
    await expectFindings('effect-combinations/invalid/thirty-one-effects.yaml', 'effect-combinations', [
      ['41:156', 'this is effect number 31 on the transitions out of S1 in this logigramme; the simulation follows at most 30', 'merge effects on the same transition into one action (their hazard ratios multiply), or split the logigramme'],
    ]);
    await expectFindings('effect-combinations/invalid/too-many-combinations.yaml', 'effect-combinations', [
      ['26:3', 'people reach `fin` with more than 64 distinct sets of effects; the simulation follows at most 64', 'put effects on fewer, shared steps (for example one action after the branches join), or merge effects on the same transition'],
    ]);
  });

  it('coverage-relative: a relative baseline, a baseline without the stratum, a sum that is clamped', async () => {
    await expectFindings('coverage-relative/invalid/baseline-relative.yaml', 'coverage-relative', [
      ['17:11', '`soins-courants-relatifs` is this scenario\'s baseline, but its coverage of S1 is relative to the baseline', 'give soins-courants-relatifs absolute coverages (a number, a distribution or a ramp without `relative-to`)'],
    ]);
    await expectFindings('coverage-relative/invalid/baseline-missing-stratum.yaml', 'coverage-relative', [
      ['29:10', 'the coverage of S2 in `programme-relatif-s2` is relative to the baseline, but the baseline `base-s1-seulement` does not cover S2', 'cover S2 in base-s1-seulement, or give programme-relatif-s2 an absolute coverage of S2'],
    ]);
    // Year 3: the baseline's 0.5 + 0.6 = 1.1 (years 1 and 2: 0.5 + 0 and 0.5 + 0.3 stay within [0, 1]).
    await expectFindings('coverage-relative/invalid/sum-above-one.yaml', 'coverage-relative', [
      ['18:10', 'in year 3, the coverage of S2 in `programme-relatif-trop-fort` is the baseline\'s 0.5 + 0.6 = 1.1 at central values, outside [0, 1]: the simulation clamps it', 'lower the increment so that the sum stays a share'],
    ]);
  });

  it('transition-row-sum with effects, and with a territory\'s multipliers and effects', async () => {
    // Row of S1 in the context pyramid: S1->S2 0.046, S1->S0 0.02, S1->deces 0.008.
    // hr 200 on S1->S0: 1 − 0.98^200 = 0.982412; 0.046 + 0.982412 + 0.008 = 1.036412.
    await expectFindings('transition-row-sum/invalid/effect-raises-row.yaml', 'transition-row-sum', [
      ['11:180', 'for people who met `a1` (hr 200 on S0), the transitions out of S1 sum to 1.03641 (S1->S2 0.046 + S1->S0 0.982412 + S1->deces 0.008): more than 1', 'a hazard ratio above 1 raises a transition: lower it, or lower the row in the pyramid'],
    ]);
    // Upper plausible values: S1->S2 0.046 + 1.96 × 0.008 = 0.06168, hr 200 (the triangular's top) → 0.982412; 1.05209.
    await expectFindings('transition-row-sum/invalid/effect-upper-above-one.yaml', 'transition-row-sum', [
      ['11:180', 'for people who met `a1` (hr 70.3333 on S0), the upper plausible values of the transitions out of S1 sum to 1.05209: draws may exceed 1', 'narrow the hazard ratios\' or the row\'s distributions; the simulation stops on a row above 1'],
    ]);
    // Multiplier 2: 1 − 0.954² = 0.089884; then hr 40: 1 − 0.910116^40 = 0.976886; + 0.028 = 1.004886.
    await expectFindings('transition-row-sum/invalid/multiplier-and-effect.yaml', 'transition-row-sum', [
      [
        '43:27',
        'in territoire-a-risque, for people of dt2-s1-effet-et-multiplicateur who met `a1` (hr 40 on S2), the transitions out of S1 sum to 1.00489 (S1->S2 0.976886 + S1->S0 0.02 + S1->deces 0.008) with the territory\'s multipliers: more than 1',
        'lower the territory\'s multiplier or the hazard ratio; the simulation stops on a row above 1',
      ],
    ]);
  });

  it('branch-probabilities-sum: shares drawn independently, and a remainder that a draw may leave empty', async () => {
    await expectFindings('branch-probabilities-sum/invalid/independent-shares.yaml', 'branch-probabilities-sum', [
      ['14:5', 'the shares of `depistage` are drawn independently: their means sum to 1, so draws sum above 1 in about half the iterations and the simulation stops', 'draw the shares jointly with `probabilities: { dirichlet: [...] }`, or remove `p` from one branch so that it takes the remainder'],
    ]);
    // Upper plausible values: 0.5 + 1.959964 × 0.15 = 0.793995, and the uniform's top 0.5: 1.29399.
    await expectFindings('branch-probabilities-sum/invalid/remainder-may-vanish.yaml', 'branch-probabilities-sum', [
      ['14:5', 'the upper plausible values of the shares of `depistage` sum to 1.29399: a draw may leave nothing for « Fond d\'œil », and the simulation stops on shares above 1', 'narrow the distributions, or draw the shares jointly with `probabilities: { dirichlet: [...] }`'],
    ]);
  });
});
