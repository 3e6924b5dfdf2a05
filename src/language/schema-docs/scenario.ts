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
};
