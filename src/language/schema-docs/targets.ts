/** The keys of a Targets document (docs/language.md, "Targets"). */
import { headerDocs } from './common.js';
import { key, type KeyDocs } from './types.js';

const TARGET_EXAMPLE = { id: 'diabete-connu-an-1', title: 'Diabétiques connus, fin de l\'année 1', year: 1, count: ['S2'], per: 'population', scale: 1000, value: 56, sd: 3, source: 'spf-2024' };

export const TARGETS_DOCS: KeyDocs = {
  ...headerDocs('Targets', {
    fr: "Identifiant des cibles, unique parmi les documents Targets de l'espace de travail : un étalonnage (`Calibration`) les cite dans `targets`.",
    en: "Id of the targets, unique among the workspace's Targets documents: a Calibration cites it in `targets`.",
    example: 'cibles-dt2',
  }),
  title: key('Titre des cibles, affiché dans le rapport d\'étalonnage.', 'Title of the targets, shown in the calibration report.', "Cibles d'étalonnage — diabète de type 2"),
  description: key('Présentation des cibles en texte libre.', 'Free-text presentation of the targets.', 'Prévalence et incidence du diabète traité (SNDS).'),
  pyramid: key('Identifiant de la pyramide dont les cibles mesurent les états et les événements.', 'Id of the pyramid whose states and events the targets measure.', 'diabete-t2'),
  targets: key(
    'Les valeurs observées, chacune avec son incertitude et sa source : une liste de cibles.',
    'The observed values, each with its uncertainty and source: a list of targets.',
    [TARGET_EXAMPLE],
  ),
  'targets.*': key(
    "Une valeur observée : ce qu'elle mesure (`count`, `flow` ou `event`), l'année, la valeur et son incertitude.",
    'One observed value: what it measures (`count`, `flow` or `event`), the year, the value and its uncertainty.',
    TARGET_EXAMPLE,
  ),
  'targets.*.id': key('Identifiant de la cible, unique dans le document.', 'Id of the target, unique in the document.', 'diabete-connu-an-1'),
  'targets.*.title': key('Ce que mesure la cible, en clair, affiché dans le rapport.', 'What the target measures, in plain words, shown in the report.', "Diabétiques connus, fin de l'année 1"),
  'targets.*.use': key(
    "`fit` (par défaut) : l'étalonnage ajuste le modèle à cette cible ; `validation` : cible mise de côté, montrée à part pour valider le modèle.",
    '`fit` (the default): the calibration fits the model to this target; `validation`: held out, shown apart to validate the model.',
    'fit',
    'validation',
  ),
  'targets.*.territory': key(
    'Un territoire du scénario ; absent : les territoires du scénario additionnés.',
    "A territory of the scenario; absent: the scenario's territories summed.",
    'douaisis',
  ),
  'targets.*.year': key(
    "Année du modèle : 0 = le début de la simulation (effectifs seulement), 1 à l'horizon = la fin de cette année. Absente avec `change` et `years`.",
    'Model year: 0 = the start of the simulation (counts only), 1 to the horizon = the end of that year. Absent with `change` and `years`.',
    1,
  ),
  'targets.*.count': key(
    "Les personnes dans ces états (strates ou sorties) à la fin de l'année `year`.",
    'People in these states (strata or exits) at the end of `year`.',
    ['S2', 'S3', 'S4'],
  ),
  'targets.*.flow': key(
    "Les personnes passées pendant l'année `year` d'un état de `from` à un état de `to` (transitions et déplacements par dépistage).",
    'People who moved during `year` from a state of `from` to a state of `to` (transitions and detection moves).',
    { from: ['S0', 'S1'], to: ['S2'] },
  ),
  'targets.*.flow.from': key('Les strates que les personnes quittent.', 'The strata the people leave.', ['S0', 'S1']),
  'targets.*.flow.to': key('Les strates ou sorties que les personnes atteignent.', 'The strata or exits the people reach.', ['S2']),
  'targets.*.event': key(
    "Un événement de la pyramide (`events`) ou l'événement d'un `move-to` d'un logigramme : ses personnes pendant l'année `year`.",
    "An event of the pyramid (`events`) or the event of a logigramme's `move-to`: its people during `year`.",
    'nouveaux-diabetes',
  ),
  'targets.*.per': key(
    "Dénominateur : `population` (la population des territoires) ou `{count: [états]}` (les personnes dans ces états : à la fin de l'année pour un `count`, au début de l'année pour un flux ou un événement).",
    "Denominator: `population` (the territories' population) or `{count: [states]}` (people in these states: at the end of the year for a `count`, at the start of the year for a flow or an event).",
    'population',
    { count: ['S0', 'S1', 'S2'] },
  ),
  'targets.*.per.count': key('Les états (strates ou sorties) dont les personnes forment le dénominateur.', 'The states (strata or exits) whose people make the denominator.', ['S0', 'S1', 'S2']),
  'targets.*.scale': key(
    'La valeur est pour `scale` personnes (1 par défaut) : 1000 pour une valeur pour 1 000.',
    'The value is per `scale` people (1 by default): 1000 for a value per 1,000.',
    1000,
  ),
  'targets.*.change': key(
    "`annual` : la valeur est l'évolution annuelle moyenne entre les deux années `years`, (x(fin) / x(début))^(1 / (fin − début)) − 1.",
    'annual: the value is the mean annual change between the two `years`, (x(last) / x(first))^(1 / (last − first)) − 1.',
    'annual',
  ),
  'targets.*.years': key(
    'Avec `change` : deux années du modèle, la première avant la seconde (à la place de `year`).',
    'With `change`: two model years, the first before the second (instead of `year`).',
    [0, 10],
  ),
  'targets.*.value': key(
    'La valeur observée, dans l\'unité de la cible (effectif, proportion pour `scale`, évolution annuelle).',
    'The observed value, in the unit of the target (people, a share per `scale`, an annual change).',
    56,
  ),
  'targets.*.sd': key(
    "Écart-type de la valeur observée (> 0), pour une vraisemblance normale ; ou `ci95`.",
    'Standard deviation of the observed value (> 0), for a normal likelihood; or `ci95`.',
    3,
  ),
  'targets.*.ci95': key(
    "Intervalle à 95 % [bas, haut] de la valeur observée, pour une vraisemblance normale : sd = (haut − bas) / 3,92.",
    'The 95 % interval [low, high] of the observed value, for a normal likelihood: sd = (high − low) / 3.92.',
    [50, 62],
  ),
  'targets.*.likelihood': key(
    "Comment comparer le modèle à la valeur : `normal` (par défaut, avec `sd` ou `ci95`), `poisson` (un effectif observé, sans `per` ni `change`) ou `binomial` (une proportion, avec `per` et `n`).",
    'How the model is compared with the value: `normal` (the default, with `sd` or `ci95`), `poisson` (an observed count, without `per` nor `change`) or `binomial` (a share, with `per` and `n`).',
    'normal',
    'poisson',
    'binomial',
  ),
  'targets.*.n': key(
    'Vraisemblance binomiale seulement : le dénominateur observé (les personnes observées : k = valeur / scale × n).',
    'Binomial likelihood only: the observed denominator (the people observed: k = value / scale × n).',
    10000,
  ),
};
