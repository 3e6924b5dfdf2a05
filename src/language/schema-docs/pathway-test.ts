/** The keys of a PathwayTest document (docs/testing.md). */
import { headerDocs } from './common.js';
import { key, type KeyDocs } from './types.js';

const PATH_EXAMPLE = {
  name: 'HbA1c 8,5 % : intensification',
  given: { hba1c: 8.5, 'grade-podologique': 0, imc: 27 },
  choose: { 'recours-endocrino': 'observance' },
  reaches: ['intensification'],
};
const FLOW_EXAMPLE = { name: 'Intensification', people: 1000, expect: [{ node: 'intensification', share: [0.44, 0.46] }] };
const EXPECT_OUTCOME = { outcome: 'events nouveaux-diabetes', arm: 'difference', below: 0 };
const OUTCOME_EXAMPLE = { name: 'Le programme évite des diabètes', scenario: 'pionniers-dt2-2026', mode: 'expected', expect: [EXPECT_OUTCOME] };

const ADDRESS_DOCS: KeyDocs = {
  outcome: key(
    "Chemin du résultat lu dans les résultats du scénario : une mesure et sa clé (`events nouveaux-diabetes`, `fte medecin-generaliste`, `counts S2`), `totalCost`, `economics <ligne>`, `decision <champ>` ou `workforce <acteur>` (docs/testing.md).",
    'Path of the outcome read in the scenario\'s results: a measure and its key (`events nouveaux-diabetes`, `fte medecin-generaliste`, `counts S2`), `totalCost`, `economics <line>`, `decision <field>` or `workforce <actor>` (docs/testing.md).',
    'events nouveaux-diabetes',
    'fte medecin-generaliste',
  ),
  arm: key(
    '`baseline` (la prise en charge habituelle), `program` (le programme, par défaut) ou `difference` (programme − référence, itération par itération).',
    '`baseline` (usual care), `program` (the program, the default) or `difference` (program − baseline, iteration by iteration).',
    'difference',
  ),
  territory: key(
    "Un territoire du scénario ; par défaut `ensemble`, la somme de ses territoires.",
    "A territory of the scenario; default `ensemble`, the sum over its territories.",
    'douaisis',
  ),
  year: key(
    "Une année du modèle, `total` (les années 1 à l'horizon additionnées) ou `last` (l'horizon). Par défaut `last` pour `counts` et `fte`, `total` sinon.",
    'A model year, `total` (years 1 to the horizon summed) or `last` (the horizon). Default `last` for `counts` and `fte`, `total` otherwise.',
    'total',
    10,
  ),
  statistic: key(
    'Le résumé sur les itérations : `mean` (moyenne, par défaut), `median`, `p025`, `p975` (percentiles 2,5 % et 97,5 %) ou `sd`.',
    'The summary over the iterations: `mean` (the default), `median`, `p025`, `p975` (2.5 % and 97.5 % percentiles) or `sd`.',
    'mean',
  ),
  scale: key('`count` (effectifs, par défaut) ou `per100k` (pour 100 000 habitants).', '`count` (people, the default) or `per100k` (per 100,000 inhabitants).', 'count'),
};

const BOUND_DOCS = (word: { fr: string; en: string }): [string, string] => [
  `La valeur est ${word.fr} cette borne : un nombre, ou un autre résultat (\`{outcome, arm?, territory?, year?}\`).`,
  `The value is ${word.en} this bound: a number, or another outcome (\`{outcome, arm?, territory?, year?}\`).`,
];

export const PATHWAY_TEST_DOCS: KeyDocs = {
  ...headerDocs('PathwayTest', {
    fr: 'Identifiant du fichier de tests, unique parmi les documents PathwayTest.',
    en: 'Id of the test file, unique among the PathwayTest documents.',
    example: 'dt2-s2-suivi-tests',
  }),
  title: key('Titre des tests, affiché par `logi test`.', 'Title of the tests, shown by `logi test`.', 'Tests du suivi du diabète sans complication'),
  description: key('Présentation des tests en texte libre.', 'Free-text presentation of the tests.', 'Écrits depuis les recommandations HAS citées par le logigramme.'),
  logigramme: key(
    "Le logigramme testé par les cas de chemin et de flux qui n'en nomment pas un autre.",
    'The logigramme that the path and flow cases test, unless a case names another.',
    'dt2-s2-suivi',
  ),
  given: key(
    "Les valeurs dont partent tous les cas de chemin (un patient type) ; le `given` d'un cas les remplace, variable par variable.",
    "The values every path case starts from (a typical patient); a case's own `given` overrides them, variable by variable.",
    { hba1c: 6.5, 'grade-podologique': 0, imc: 26 },
  ),
  choose: key(
    "Les branches que prennent tous les cas de chemin aux décisions sans conditions, sauf si le `choose` d'un cas dit autre chose.",
    "The branches every path case takes at decisions without conditions, unless a case's own `choose` says otherwise.",
    { 'recours-endocrino': 'observance', 'proposition-etp': 'proposition-apa' },
  ),
  paths: key(
    "Cas de chemin : les valeurs des variables de décision d'un patient, et le chemin qu'il doit suivre dans le logigramme.",
    "Path cases: the values of a patient's decision variables, and the way they must go through the logigramme.",
    [PATH_EXAMPLE],
  ),
  'paths.*': key('Un cas de chemin.', 'One path case.', PATH_EXAMPLE),
  'paths.*.name': key('Ce que vérifie le cas, en clair : les rapports et `--grep` l’utilisent.', 'What the case checks, in words: reports and `--grep` use it.', 'HbA1c 8,5 % : intensification'),
  'paths.*.given': key(
    'Les valeurs des variables de décision, par nom de variable (`variable.name` des décisions) : un nombre, ou une catégorie.',
    "The values of the decision variables, by variable name (the decisions' `variable.name`): a number, or a category.",
    { hba1c: 8.5, imc: 32 },
  ),
  'paths.*.choose': key(
    "Pour les décisions sans conditions (`when`) : l'identifiant de la décision et la branche prise, par son nœud `next` ou son libellé.",
    "For decisions without conditions (`when`): the decision's id and the branch taken, by its `next` node or its label.",
    { 'recours-endocrino': 'avis-endocrino' },
  ),
  'paths.*.path': key(
    'Le chemin exact, nœud par nœud, du début à la fin ; `auto` : `logi test --update` l’écrit.',
    'The exact path, node by node, from the start to the end; `auto`: `logi test --update` writes it.',
    ['inclusion', 'consultation', 'hba1c', 'objectif', 'intensification'],
    'auto',
  ),
  'paths.*.reaches': key('Les nœuds par lesquels le chemin doit passer.', 'The nodes the path must go through.', ['intensification']),
  'paths.*.avoids': key('Les nœuds par lesquels le chemin ne doit pas passer.', 'The nodes the path must not go through.', ['avis-endocrino']),
  flows: key(
    "Cas de flux : pour une strate de `people` personnes toutes prises en charge, la part ou le nombre de personnes qui atteignent un nœud, prennent une arête ou produisent des actes (mode `expected`).",
    'Flow cases: for a stratum of `people` people, all of them enrolled, the share or number of people reaching a node, taking an edge or producing acts (`expected` mode).',
    [FLOW_EXAMPLE],
  ),
  'flows.*': key('Un cas de flux.', 'One flow case.', FLOW_EXAMPLE),
  'flows.*.name': key('Ce que vérifie le cas, en clair.', 'What the case checks, in words.', 'Intensification'),
  'flows.*.people': key('Les personnes de la strate, toutes passant par le logigramme.', 'The people of the stratum, all of them passing through the logigramme.', 1000),
  'flows.*.expect': key('Les flux attendus.', 'The expected flows.', [{ node: 'intensification', share: [0.44, 0.46] }]),
  'flows.*.expect.*': key('Un flux attendu : un nœud, une arête ou des actes, et un intervalle.', 'One expected flow: a node, an edge or acts, and an interval.', { node: 'intensification', share: [0.44, 0.46] }),
  'flows.*.expect.*.node': key('Les personnes qui atteignent ce nœud.', 'The people reaching this node.', 'intensification'),
  'flows.*.expect.*.edge': key("Les personnes qui prennent l'arête de `from` à `to`.", 'The people taking the edge from `from` to `to`.', { from: 'objectif', to: 'intensification' }),
  'flows.*.expect.*.edge.from': key("Le nœud d'où part l'arête.", 'The node the edge leaves.', 'objectif'),
  'flows.*.expect.*.edge.to': key("Le nœud où arrive l'arête.", 'The node the edge reaches.', 'intensification'),
  'flows.*.expect.*.acts': key('Les actes produits par ce nœud action (personnes × fréquence).', 'The acts produced by this action node (people × frequency).', 'consultation'),
  'flows.*.expect.*.share': key('Intervalle [bas, haut], bornes comprises, de la part de la strate (le nombre divisé par `people`).', 'Interval [low, high], ends included, of the share of the stratum (the count divided by `people`).', [0.44, 0.46]),
  'flows.*.expect.*.count': key('Intervalle [bas, haut], bornes comprises, du nombre de personnes ou d’actes.', 'Interval [low, high], ends included, of the number of people or acts.', [3990, 4010]),
  outcomes: key(
    "Cas de résultats : un scénario simulé (mode `expected`, ou `stochastic` avec ses itérations et sa graine) et les résultats attendus.",
    "Outcome cases: a scenario simulated (`expected` mode, or `stochastic` with its iterations and seed) and the outcomes expected.",
    [OUTCOME_EXAMPLE],
  ),
  'outcomes.*': key('Un cas de résultats.', 'One outcome case.', OUTCOME_EXAMPLE),
  'outcomes.*.name': key('Ce que vérifie le cas, en clair.', 'What the case checks, in words.', 'Le programme évite des diabètes'),
  'outcomes.*.scenario': key('Le scénario simulé.', 'The scenario simulated.', 'pionniers-dt2-2026'),
  'outcomes.*.mode': key(
    '`expected` : une passe des valeurs attendues ; `stochastic` : des itérations tirées au hasard (avec `iterations` et `seed`).',
    '`expected`: one run of expected values; `stochastic`: random iterations (with `iterations` and `seed`).',
    'expected',
    'stochastic',
  ),
  'outcomes.*.iterations': key("Les itérations d'un cas stochastique (obligatoire avec `mode: stochastic`) : la durée du test en dépend.", 'The iterations of a stochastic case (required with `mode: stochastic`): the run time depends on them.', 200),
  'outcomes.*.seed': key('La graine des tirages ; par défaut celle du scénario.', "The seed of the draws; default: the scenario's.", 7),
  'outcomes.*.horizon': key('Les années simulées ; par défaut celles du scénario.', "The years simulated; default: the scenario's.", 5),
  'outcomes.*.expect': key('Les résultats attendus.', 'The outcomes expected.', [EXPECT_OUTCOME]),
  'outcomes.*.expect.*': key('Un résultat attendu : son chemin et une comparaison.', 'One expected outcome: its path and a comparison.', EXPECT_OUTCOME),
  ...ADDRESS_DOCS,
  below: key(...BOUND_DOCS({ fr: 'strictement inférieure à', en: 'strictly below' }), 0, { outcome: 'workforce medecin-generaliste' }),
  'at-most': key(...BOUND_DOCS({ fr: 'inférieure ou égale à', en: 'at most' }), 0, { outcome: 'workforce medecin-generaliste' }),
  above: key(...BOUND_DOCS({ fr: 'strictement supérieure à', en: 'strictly above' }), 0),
  'at-least': key(...BOUND_DOCS({ fr: 'supérieure ou égale à', en: 'at least' }), 0),
  between: key('La valeur est dans cet intervalle [bas, haut], bornes comprises.', 'The value lies in this interval [low, high], ends included.', [100, 200]),
  probability: key(
    "La part des itérations dont la valeur satisfait la comparaison, bornée par `at-least` ou `at-most`.",
    'The share of iterations whose value meets the comparison, bounded by `at-least` or `at-most`.',
    { 'at-least': 0.9 },
  ),
  'probability.at-least': key('La part des itérations est au moins cette valeur (entre 0 et 1).', 'The share of iterations is at least this value (in 0–1).', 0.9),
  'probability.at-most': key('La part des itérations est au plus cette valeur (entre 0 et 1).', 'The share of iterations is at most this value (in 0–1).', 0.1),
};
