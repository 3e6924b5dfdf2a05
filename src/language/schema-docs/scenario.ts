/** The keys of a Scenario (docs/language.md, "Scenario"; docs/simulation.md, "Modes"). */
import { headerDocs } from './common.js';
import { key, type KeyDocs } from './types.js';

export const SCENARIO_DOCS: KeyDocs = {
  ...headerDocs('Scenario', {
    fr: "Identifiant du scénario, unique parmi les scénarios de l'espace de travail : `logi simulate ID` le simule.",
    en: "Id of the scenario, unique among the workspace's scenarios: `logi simulate ID` simulates it.",
    example: 'pionniers-dt2-2026',
  }),
  title: key('Titre du scénario, affiché dans le rapport.', 'Title of the scenario, shown in the report.', 'Suivi renforcé sur 10 ans'),
  description: key('Présentation du scénario en texte libre, affichée dans le rapport.', 'Free-text presentation of the scenario, shown in the report.', 'Soins courants contre programme pionnier.'),
  authors: key(
    "Les auteurs du scénario (au moins un) : `name`, et s'il y a lieu `orcid` (identifiant ORCID) et `affiliation`. `logi archive` les nomme dans le paquet de résultats publiés.",
    'The authors of the scenario (at least one): `name`, and where known `orcid` (ORCID iD) and `affiliation`. `logi archive` names them in the package of published results.',
    [{ name: 'Dr Claire Martin', orcid: '0000-0002-1825-0097', affiliation: 'CPTS du Douaisis' }],
  ),
  'authors.*': key("Un auteur : `name`, et s'il y a lieu `orcid` et `affiliation`.", 'An author: `name`, and where known `orcid` and `affiliation`.', { name: 'Dr Claire Martin', orcid: '0000-0002-1825-0097' }),
  'authors.*.name': key("Nom de l'auteur.", "The author's name.", 'Dr Claire Martin'),
  'authors.*.orcid': key('Identifiant ORCID, quatre groupes de quatre chiffres (le dernier peut être X).', 'ORCID iD, four groups of four digits (the last may be X).', '0000-0002-1825-0097'),
  'authors.*.affiliation': key("L'établissement ou la structure de l'auteur.", "The author's institution.", 'CPTS du Douaisis'),
  license: key(
    'Les conditions de réutilisation des résultats : un identifiant SPDX (`CC-BY-4.0`), une URL, ou une phrase. `logi archive` la reprend dans le paquet ; sans elle, le paquet dit qu\'aucune licence n\'a été donnée.',
    'The terms under which the results may be reused: an SPDX id (`CC-BY-4.0`), a URL, or a sentence. `logi archive` writes it in the package; without it, the package says that no licence was given.',
    'CC-BY-4.0',
  ),
  pyramid: key('Identifiant de la pyramide simulée.', 'Id of the pyramid simulated.', 'mon-diabete'),
  territories: key('Identifiants des territoires simulés (au moins un).', 'Ids of the territories simulated (at least one).', ['douaisis']),
  baseline: key('Identifiant du programme des soins courants, la référence.', 'Id of the usual-care program, the reference.', 'soins-courants'),
  program: key('Identifiant du programme comparé aux soins courants.', 'Id of the program compared with usual care.', 'programme-pionnier'),
  horizon: key("Nombre d'années simulées, de 1 à 100 (10 par défaut).", 'Years simulated, from 1 to 100 (10 by default).', 10),
  iterations: key("Nombre d'itérations Monte-Carlo, de 1 à 1 000 000 (1000 par défaut).", 'Monte Carlo iterations, from 1 to 1,000,000 (1000 by default).', 2000),
  seed: key(
    'Graine de tous les tirages aléatoires, un entier de 0 à 4 294 967 295 (1 par défaut) : même graine, mêmes résultats.',
    'Seed of every random draw, a whole number from 0 to 4,294,967,295 (1 by default): same seed, same results.',
    20180318,
  ),
  mode: key(
    "`stochastic` (par défaut : paramètres tirés et effectifs tirés au hasard), `psa` (analyse de sensibilité probabiliste : paramètres tirés, effectifs attendus) ou `expected` (valeurs centrales, une seule itération).",
    '`stochastic` (the default: parameters drawn, counts drawn at random), `psa` (probabilistic sensitivity analysis: parameters drawn, expected counts) or `expected` (central values, a single iteration).',
    'stochastic',
  ),
  'volumes-at': key(
    "Quand les actes d'un cycle sont comptés : `start` (par défaut : toute personne qui passe dans le logigramme compte pour le cycle entier) ou `mid` (correction de demi-cycle : les personnes qui quittent la strate pendant le cycle comptent pour moitié).",
    'When the acts of a cycle are counted: `start` (the default: everyone who passes through the logigramme counts for the whole cycle) or `mid` (half-cycle correction: people who leave the stratum during the cycle count for half).',
    'start',
    'mid',
  ),
  'parameter-sets': key(
    "Identifiants de jeux de paramètres (ParameterSet), appliqués dans l'ordre : chaque valeur remplace, pour ce scénario, celle écrite à son chemin (les fichiers ne changent pas).",
    'Ids of parameter sets (ParameterSet), applied in order: each value replaces, for this scenario, the one written at its path (the files do not change).',
    ['etalonnage-dt2-point'],
  ),
  economics: key(
    "Comment les coûts et les résultats de santé sont évalués (docs/economics.md) : l'actualisation (`discount`), le décompte des personnes-années (`state-time`), le résultat du RDCR (`outcome`) et la disposition à payer (`threshold`, `thresholds`). Toutes les clés sont facultatives.",
    'How costs and health outcomes are valued (docs/economics.md): discounting (`discount`), the counting of person-years (`state-time`), the outcome of the ICER (`outcome`) and the willingness to pay (`threshold`, `thresholds`). Every key is optional.',
    { discount: { costs: 0.025, outcomes: 0.025 }, 'state-time': 'half-cycle', outcome: 'qalys', threshold: 50000 },
  ),
  'economics.discount': key(
    "Taux d'actualisation annuels, des coûts et des résultats : 2,5 % par an chacun par défaut, comme le recommande la HAS (« Choix méthodologiques pour l'évaluation économique à la HAS », 2020). Ce qui arrive l'année y est multiplié par (1 + r)^−t, avec t = y − ½ (`half-cycle`), y − 1 (`start`) ou y (`end`).",
    'Annual discount rates of costs and of outcomes: 2.5 % a year each by default, as the HAS recommends ("Choix méthodologiques pour l\'évaluation économique à la HAS", 2020). What happens in year y is multiplied by (1 + r)^−t, with t = y − ½ (`half-cycle`), y − 1 (`start`) or y (`end`).',
    { costs: 0.025, outcomes: 0.025 },
    { costs: 0.04, outcomes: 0.015 },
  ),
  'economics.discount.costs': key("Taux d'actualisation annuel des coûts, entre 0 et 1 : 0.025 vaut 2,5 % (par défaut).", 'Annual discount rate of costs, between 0 and 1: 0.025 is 2.5 % (the default).', 0.025, 0),
  'economics.discount.outcomes': key(
    "Taux d'actualisation annuel des résultats de santé (QALY, années de vie), entre 0 et 1 : 0.025 vaut 2,5 % (par défaut).",
    'Annual discount rate of health outcomes (QALYs, life-years), between 0 and 1: 0.025 is 2.5 % (the default).',
    0.025,
    0,
  ),
  'economics.state-time': key(
    "Comment les personnes-années d'une année dans une strate sont comptées : `half-cycle` (par défaut : la moyenne des effectifs du début et de la fin de l'année), `start` (l'effectif du début) ou `end` (l'effectif de la fin). Fixe aussi la date d'actualisation de l'année.",
    "How a year's person-years in a stratum are counted: `half-cycle` (the default: the mean of the counts at the start and end of the year), `start` (the count at the start) or `end` (the count at the end). Also sets when the year is discounted.",
    'half-cycle',
    'end',
  ),
  'economics.outcome': key(
    "Le résultat de santé du RDCR (ratio différentiel coût-résultat) : `qalys` (par défaut quand chaque strate a une `utility` ; il faut alors une utilité sur chaque strate) ou `life-years` (années de vie, par défaut sinon).",
    'The health outcome of the ICER (incremental cost-effectiveness ratio): `qalys` (the default when every stratum has a `utility`; it needs a utility on every stratum) or `life-years` (the default otherwise).',
    'qalys',
    'life-years',
  ),
  'economics.threshold': key(
    "Disposition à payer par unité de résultat, en euros (≥ 0) : ce à quoi « coût-efficace » est comparé ; 50 000 par défaut. Il n'y a pas de seuil officiel en France : c'est une convention, à changer.",
    'Willingness to pay per unit of outcome, in euros (≥ 0): what "cost-effective" is judged against; 50,000 by default. There is no official French threshold: it is a convention, to be changed.',
    50000,
    30000,
  ),
  'economics.thresholds': key(
    "Les dispositions à payer (euros par unité de résultat, ≥ 0) de la courbe d'acceptabilité et de l'EVPI ; par défaut de 0 à 150 000 par pas de 5 000.",
    'The willingness-to-pay values (euros per unit of outcome, ≥ 0) of the acceptability curve and the EVPI; by default 0 to 150,000 by 5,000.',
    [0, 20000, 50000, 100000],
  ),
};
