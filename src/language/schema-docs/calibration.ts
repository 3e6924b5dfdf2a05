/** The keys of a Calibration document (docs/language.md, "Calibration"). */
import { headerDocs } from './common.js';
import { key, type KeyDocs } from './types.js';

export const CALIBRATION_DOCS: KeyDocs = {
  ...headerDocs('Calibration', {
    fr: "Identifiant de l'étalonnage, unique parmi les documents Calibration de l'espace de travail.",
    en: "Id of the calibration, unique among the workspace's Calibration documents.",
    example: 'etalonnage-dt2',
  }),
  title: key("Titre de l'étalonnage, affiché dans le rapport d'étalonnage.", 'Title of the calibration, shown in the calibration report.', 'Étalonnage de la pyramide du diabète de type 2'),
  description: key("Présentation de l'étalonnage en texte libre.", 'Free-text presentation of the calibration.', 'Incidence et prévalence du diabète traité.'),
  scenario: key(
    'Identifiant du scénario étalonné : son bras de référence (`baseline`) est simulé et comparé aux cibles.',
    'Id of the scenario calibrated: its baseline arm is simulated and compared with the targets.',
    'pionniers-dt2-2026',
  ),
  targets: key(
    'Identifiants des documents Targets à atteindre ; leur pyramide est celle du scénario.',
    "Ids of the Targets documents to fit; their pyramid is the scenario's.",
    ['cibles-dt2'],
  ),
  parameters: key(
    'Les paramètres libres, chacun désigné par son chemin, avec sa loi a priori et ses bornes.',
    'The free parameters, each named by its path, with its prior and bounds.',
    [{ path: 'diabete-t2 transitions S1->S2 p', prior: { beta: { mean: 0.02, sd: 0.01 } }, bounds: [0.001, 0.2] }],
  ),
  'parameters.*': key(
    'Un paramètre libre : `path`, et au besoin `prior` et `bounds`.',
    'One free parameter: `path`, and if needed `prior` and `bounds`.',
    { path: 'diabete-t2 transitions S1->S2 p', bounds: [0.001, 0.2] },
  ),
  'parameters.*.path': key(
    "Chemin du paramètre : l'identifiant d'un document puis les clés jusqu'à la valeur, séparés par des espaces (`diabete-t2 transitions S1->S2 p`) ; `Kind:id` quand plusieurs types de documents ont cet identifiant.",
    'Path of the parameter: the id of a document then the keys down to the value, separated by spaces (`diabete-t2 transitions S1->S2 p`); `Kind:id` when several kinds of document have that id.',
    'diabete-t2 transitions S1->S2 p',
  ),
  'parameters.*.prior': key(
    'Loi a priori du paramètre (une loi, pas un nombre) ; par défaut, la loi écrite à son chemin.',
    'Prior distribution of the parameter (a distribution, not a number); by default, the distribution written at its path.',
    { beta: { mean: 0.02, sd: 0.01 } },
  ),
  'parameters.*.bounds': key(
    "[bas, haut] : les valeurs que l'étalonnage peut donner au paramètre ; par défaut son domaine (une probabilité dans [0, 1]…).",
    'The values the calibration may give the parameter, [low, high]; by default its range (a probability in [0, 1]…).',
    [0.001, 0.2],
  ),
  'parameters.*.source': key(
    "D'où vient la loi a priori : l'identifiant d'une entrée de `sources` de ce document, ou une liste d'identifiants.",
    "Where the prior comes from: the id of an entry of this document's `sources`, or a list of ids.",
    'fuentes-2020',
  ),
  'parameters.*.note': key('Note libre : pourquoi ce paramètre est libre, d\'où vient sa loi a priori.', 'Free note: why this parameter is free, where its prior comes from.', 'peu de données publiées'),
  draws: key(
    "Tirages de la loi a priori pour l'échantillonnage par importance (SIR), de 1 à 10 000 000 (10 000 par défaut).",
    'Prior draws for sampling-importance-resampling (SIR), from 1 to 10,000,000 (10,000 by default).',
    10000,
  ),
  sample: key("Taille de l'échantillon a posteriori, de 1 à 1 000 000 (1000 par défaut).", 'Size of the posterior sample, from 1 to 1,000,000 (1000 by default).', 1000),
  'min-ess': key(
    "Taille d'échantillon effective en dessous de laquelle IMIS prend le relais, et l'étalonnage est dit non convergé (200 par défaut).",
    'Effective sample size below which IMIS takes over, and under which the calibration is "not converged" (200 by default).',
    200,
  ),
  seed: key(
    "Graine des tirages de l'étalonnage, un entier de 0 à 4 294 967 295 ; par défaut celle du scénario.",
    "Seed of the calibration's draws, a whole number from 0 to 4,294,967,295; by default the scenario's.",
    1,
  ),
};
