/**
 * The lint rules in French (issue 13). The same fixtures as rule-branches.test.ts, linted with the
 * language set to French: messages and hints written out in full by hand, the rule descriptions
 * that `logi rules`, SARIF and docs/rules/ show, and, over every fixture, a check that no French
 * finding of a rule still carries the English words of the rules' messages.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentLanguage, setLanguage, type Lang } from '../../src/i18n/language.js';
import { catalogue } from '../../src/lint/catalogue.js';
import { lint } from '../../src/lint/engine.js';
import { describeRule } from '../../src/lint/rule.js';
import { BUILTIN_RULES } from '../../src/lint/rules/index.js';
import { FIXTURES } from './helpers.js';

type Finding = [at: string, message: string, hint: string | undefined];

async function findings(fixture: string, ruleId: string): Promise<Finding[]> {
  const result = await lint({ cwd: FIXTURES, paths: [path.join(FIXTURES, fixture)], rules: BUILTIN_RULES });
  return result.diagnostics.filter((d) => d.ruleId === ruleId).map((d) => [`${d.range.start.line}:${d.range.start.column}`, d.message, d.hint]);
}

const expectFindings = async (fixture: string, ruleId: string, expected: Finding[]) => {
  expect(await findings(fixture, ruleId)).toEqual(expected);
};

let before: Lang;
beforeAll(() => {
  before = currentLanguage();
  setLanguage('fr');
});
afterAll(() => setLanguage(before));

describe('the rules in French: messages and hints', () => {
  it('action-frequency-required', async () => {
    await expectFindings('action-frequency-required/invalid/no-frequency.yaml', 'action-frequency-required', [
      ['11:3', "l'action `hba1c` n'a pas de `frequency` : son volume d'actes ne peut pas être compté", "indiquez combien d'actes par personne arrivant à cette étape, par exemple `frequency: { times: 1, per: year }`"],
    ]);
  });

  it('condition-coverage: intervals with « dans », counts of branches in words, labels quoted as written', async () => {
    const gapHint = 'ajoutez une branche pour ces valeurs, ou élargissez une condition voisine (par exemple `lte` au lieu de `lt`)';
    const overlapHint = "rendez l'une des deux bornes exclusive, par exemple `lte: 7` sur une branche et `gt: 7` sur l'autre";
    await expectFindings('condition-coverage/invalid/gap.yaml', 'condition-coverage', [['16:5', 'hba1c dans ]7 ; 8] ne correspond à aucune branche', gapHint]]);
    await expectFindings('condition-coverage/invalid/grades-far-apart.yaml', 'condition-coverage', [
      ['17:5', 'score dans {3, 4, …, 9} ne correspond à aucune branche', gapHint],
      ['19:29', 'score = 0 correspond à deux branches (« Nul » et « Bas »)', overlapHint],
    ]);
    await expectFindings('condition-coverage/invalid/labels-with-commas.yaml', 'condition-coverage', [
      ['18:43', 'hba1c = 7 correspond à trois branches (« ≤ 7 %, objectif atteint », « 7 %, tout juste » et « ≥ 7 %, "à revoir" `vite` »)', overlapHint],
    ]);
    await expectFindings('condition-coverage/invalid/branch-without-when-no-variable.yaml', 'condition-coverage', [
      [
        '16:9',
        "la branche « non » n'a pas de `when` alors que les autres branches en ont : la couverture de la valeur ne peut pas être vérifiée",
        'donnez à chaque branche sa condition, par exemple `when: { gt: 7 }` pour les valeurs que les autres laissent de côté',
      ],
    ]);
  });

  it('decision-needs-two-branches', async () => {
    await expectFindings('decision-needs-two-branches/invalid/one-branch.yaml', 'decision-needs-two-branches', [
      ['14:5', 'la décision `choix` a 1 branche : une décision en demande au moins deux', "ajoutez l'autre issue comme branche, ou faites de ce nœud une action avec `next:`"],
    ]);
  });

  it('no-cycle', async () => {
    const hint =
      'un logigramme est parcouru une fois par cycle : une répétition est une fréquence (par exemple `frequency: { times: 4, per: year }`), pas une boucle ; menez vers une étape ultérieure ou un nœud de fin';
    await expectFindings('no-cycle/invalid/self-loop-next.yaml', 'no-cycle', [['18:95', '`relance` mène à lui-même', hint]]);
    await expectFindings('no-cycle/invalid/back-to-test.yaml', 'no-cycle', [['23:29', 'ce lien revient à `hba1c` et forme une boucle : hba1c → objectif → hba1c', hint]]);
  });

  it('no-unreachable-node: the nodes after the entry, in the singular and the plural', async () => {
    const hint = 'menez-y par un `next:` ou une branche depuis un nœud atteignable, ou supprimez-le';
    await expectFindings('no-unreachable-node/invalid/orphan-chain.yaml', 'no-unreachable-node', [
      ['18:3', 'le nœud `fond-oeil` ne peut pas être atteint depuis le départ `inclusion` (ni le nœud qui le suit)', hint],
    ]);
    await expectFindings('no-unreachable-node/invalid/two-entries.yaml', 'no-unreachable-node', [
      ['12:3', 'le nœud `consultation` ne peut pas être atteint depuis le départ `inclusion` (ni les 2 nœuds qui le suivent)', hint],
      ['15:3', 'le nœud `urgence` ne peut pas être atteint depuis le départ `inclusion`', hint],
    ]);
  });

  it('start-required: « vouliez-vous dire », with a space before the question mark', async () => {
    await expectFindings('start-required/invalid/start-names-a-decision.yaml', 'start-required', [
      ['9:8', '`start` désigne `choix`, un nœud de type decision, et non un nœud de départ', 'vouliez-vous dire `inclusion` ?'],
    ]);
  });

  it('territory-counts: people grouped by a narrow no-break space, strata in the plural', async () => {
    await expectFindings('territory-counts/invalid/more-than-population.yaml', 'territory-counts', [
      ['9:5', 'les strates de diabete comptent 77\u202f000 personnes, plus que la population (70\u202f000)', 'les décomptes sont des personnes par strate au départ ; vérifiez-les, ainsi que `population`'],
    ]);
    await expectFindings('territory-counts/invalid/strata-missing.yaml', 'territory-counts', [
      ['9:5', 'les strates S1, S2 de diabete ne sont pas dénombrées', 'ajoutez `S1: <personnes>`, `S2: <personnes>` (0 pour une strate vide)'],
    ]);
  });

  it('transition-row-sum: the effects met, figures in the notation of the YAML', async () => {
    await expectFindings('transition-row-sum/invalid/effect-raises-row.yaml', 'transition-row-sum', [
      [
        '11:180',
        'pour les personnes passées par `a1` (hr 200 sur S0), la somme des transitions sortant de S1 vaut 1.03641 (S1->S2 0.046 + S1->S0 0.982412 + S1->deces 0.008), soit plus de 1',
        'un hazard ratio supérieur à 1 augmente une transition : baissez-le, ou baissez la ligne dans la pyramide',
      ],
    ]);
  });
});

describe('the rule descriptions in French', () => {
  it('are read when shown: `meta.description` follows the language', () => {
    const noCycle = BUILTIN_RULES.find((rule) => rule.meta.id === 'no-cycle')!;
    expect(noCycle.meta.description).toBe("Pas de boucle : la répétition d'une étape s'écrit par sa fréquence (`frequency`), pas par un chemin qui y revient.");
    expect(describeRule(noCycle.meta, 'en')).toBe('No loops: repeating a step is written as its `frequency`, not as a path back to it.');
    setLanguage('en');
    try {
      expect(noCycle.meta.description).toBe('No loops: repeating a step is written as its `frequency`, not as a path back to it.');
    } finally {
      setLanguage('fr');
    }
  });

  it('carry their limits, and cover the reserved and suppression checks', () => {
    const described = new Map(catalogue().map((entry) => [entry.id, entry.description]));
    expect(described.get('label-length')).toBe('Les libellés des nœuds tiennent en 80 caractères et ceux des branches en 60, pour que les diagrammes restent lisibles.');
    expect(described.get('effect-combinations')).toBe(
      'Un logigramme porte au plus 30 effets sur les transitions de sa strate, et les personnes en rencontrent au plus 64 combinaisons distinctes : les limites de la simulation.',
    );
    expect(described.get('duplicate-id')).toBe("Les id sont uniques parmi les documents d'un même `kind` de l'espace de travail.");
    expect(described.get('suppression-needs-reason')).toBe('Un commentaire de suppression dit pourquoi le signalement est voulu, après ` -- `.');
  });

  it('exist in both languages for every check, and differ', () => {
    for (const entry of catalogue()) {
      const fr = describeRule(entry, 'fr');
      const en = describeRule(entry, 'en');
      expect(fr.length, entry.id).toBeGreaterThan(20);
      expect(fr, entry.id).not.toBe(en);
    }
  });
});

/** Words of the rules' English messages that French never uses. */
const ENGLISH = /(?<!\p{L})(the|is|are|has|have|of|and|with|cannot|this|that|these|did you mean|reaches|node|nodes|sum|sums|more than|add|remove|give|every|people|not|no|from|to|for|at|which|would|may|here|its|it|be|or|but|known|unknown|never|draws|shares|branch|stratum|strata|transition out)(?!\p{L})/iu;

/** A message without what it quotes: code between backticks, labels between « », file paths. */
const ownWords = (text: string) =>
  text
    .replace(/`[^`]*`/g, ' ')
    .replace(/«[^»]*»/g, ' ')
    .replace(/\S+\.yaml\b/g, ' ');

function fixtureFiles(): { rule: string; file: string }[] {
  const out: { rule: string; file: string }[] = [];
  for (const rule of BUILTIN_RULES.map((r) => r.meta.id)) {
    const dir = path.join(FIXTURES, rule, 'invalid');
    if (existsSync(dir)) for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) out.push({ rule, file: path.join(dir, name) });
  }
  return out;
}

describe('no English left in the French findings of the rules', () => {
  it('the pattern notices English (it is not vacuous)', () => {
    expect(ENGLISH.test(ownWords('action `hba1c` has no `frequency`'))).toBe(true);
    expect(ENGLISH.test(ownWords("l'action `hba1c` n'a pas de `frequency` : son volume d'actes ne peut pas être compté"))).toBe(false);
  });

  it.each(fixtureFiles().map(({ rule, file }) => [`${rule}/invalid/${path.basename(file)}`, file] as const))('%s', async (_name, file) => {
    const result = await lint({ cwd: FIXTURES, paths: [file], rules: BUILTIN_RULES });
    const rules = new Set(BUILTIN_RULES.map((r) => r.meta.id));
    const english = result.diagnostics
      .filter((d) => rules.has(d.ruleId))
      .flatMap((d) => [d.message, d.hint ?? ''])
      .filter((text) => ENGLISH.test(ownWords(text)));
    expect(english).toEqual([]);
  });
});
