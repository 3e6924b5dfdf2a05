/**
 * Keys shared by every kind of document: the header (`kind`, `version`, `id`), the
 * bibliography (`sources`), citations (`source`), notes, and the parameter distributions
 * (docs/language.md, "Parameters and distributions" and "Sources").
 */
import { key, type Bilingual, type KeyDocs } from './types.js';

/** `kind`, `version` and `id` of a document of one kind; `what` says what the id names. */
export function headerDocs(kind: string, id: { fr: string; en: string; example: string }): KeyDocs {
  return {
    kind: key(
      `Type de document : toujours \`${kind}\` dans ce fichier. Il décide des clés attendues.`,
      `Kind of document: always \`${kind}\` in this file. It decides which keys are expected.`,
      kind,
    ),
    version: key('Version du langage logi : toujours 1.', 'Version of the logi language: always 1.', 1),
    id: key(
      `${id.fr} Lettres sans accent, chiffres, « - », « _ » ou « . », en commençant par une lettre ou un chiffre.`,
      `${id.en} Letters without accents, digits, "-", "_" or ".", starting with a letter or a digit.`,
      id.example,
    ),
  };
}

const SOURCES: KeyDocs = {
  sources: key(
    "Bibliographie de ce document, par identifiant : chaque chiffre la cite avec `source:`. Un chiffre qui n'est pas publié tel quel cite une source de type `estimate` ou `illustrative` et dit pourquoi dans `note`.",
    'Bibliography of this document, by id: every figure cites it with `source:`. A figure that is not published as such cites a source of type `estimate` or `illustrative` and says why in `note`.',
    { 'has-2014': { title: 'HAS — Guide parcours de soins diabète de type 2', year: 2014, type: 'guideline', 'grade-scale': 'HAS' } },
  ),
  'sources.*': key(
    'Une référence bibliographique, citée par son identifiant.',
    'One bibliographic reference, cited by its id.',
    { title: 'Santé publique France 2020', year: 2020, type: 'report' },
  ),
  'sources.*.title': key(
    "La référence telle qu'elle apparaîtrait dans une bibliographie (obligatoire).",
    'The reference as it would appear in a bibliography (required).',
    'HAS — Stratégie médicamenteuse du contrôle glycémique du diabète de type 2',
  ),
  'sources.*.authors': key('Auteurs de la source.', 'Authors of the source.', 'Morris DH, Khunti K, Achana F et al.'),
  'sources.*.year': key('Année de publication (entre 1900 et 2100).', 'Year of publication (between 1900 and 2100).', 2013),
  'sources.*.url': key('Adresse web de la source (URL complète, https://…).', 'Web address of the source (a full URL, https://…).', 'https://www.has-sante.fr/'),
  'sources.*.doi': key('DOI de la publication, sans le préfixe https://doi.org/.', 'DOI of the publication, without the https://doi.org/ prefix.', '10.1007/s00125-013-2902-4'),
  'sources.*.type': key(
    "Nature de la source : `guideline` (recommandation), `publication` (article), `dataset` (données), `report` (rapport), `press` (presse), `estimate` (estimation) ou `illustrative` (valeur d'exemple). `estimate` et `illustrative` signalent des chiffres qui ne sont pas publiés tels quels.",
    'Nature of the source: `guideline`, `publication`, `dataset`, `report`, `press`, `estimate` or `illustrative` (an example value). `estimate` and `illustrative` mark figures that are not published as such.',
    'guideline',
    'illustrative',
  ),
  'sources.*.grade-scale': key(
    'Échelle de gradation des recommandations de cette source, celle des `grade` de `evidence` (HAS, GRADE, ESC…).',
    "Grading scale of this source's recommendations, the scale of the `grade` of `evidence` (HAS, GRADE, ESC…).",
    'HAS',
  ),
  'sources.*.note': key(
    'Ce que le lecteur doit savoir de cette source : ce qui en a été dérivé, et comment.',
    'What the reader must know about this source: what was derived from it, and how.',
    'À remplacer par une valeur publiée',
  ),
};

const CITATIONS: KeyDocs = {
  source: key(
    "D'où vient ce chiffre : l'identifiant d'une entrée de `sources` de ce document, ou une liste d'identifiants.",
    "Where this figure comes from: the id of an entry of this document's `sources`, or a list of ids.",
    'has-2014',
    ['has-2013', 'has-2014'],
  ),
  note: key(
    'Note libre pour le lecteur : hypothèse, dérivation du chiffre, précision clinique.',
    'Free note for the reader: an assumption, how a figure was derived, a clinical detail.',
    'part illustrative',
  ),
};

const DISTRIBUTIONS: KeyDocs = {
  beta: key(
    'Loi bêta, pour une probabilité ou une couverture entre 0 et 1 : `{mean, sd}` (moyenne et écart-type) ou `{alpha, beta}`.',
    'Beta distribution, for a probability or a coverage between 0 and 1: `{mean, sd}` (mean and standard deviation) or `{alpha, beta}`.',
    { mean: 0.046, sd: 0.008 },
    { alpha: 46, beta: 954 },
  ),
  'beta.mean': key('Moyenne de la loi bêta, strictement entre 0 et 1 ; avec `sd`.', 'Mean of the beta distribution, strictly between 0 and 1; with `sd`.', 0.046),
  'beta.sd': key('Écart-type de la loi bêta (> 0) ; avec `mean`.', 'Standard deviation of the beta distribution (> 0); with `mean`.', 0.008),
  'beta.alpha': key('Paramètre α de la loi bêta (> 0), avec `beta` : la moyenne est α / (α + β).', 'Parameter α of the beta distribution (> 0), with `beta`: the mean is α / (α + β).', 46),
  'beta.beta': key('Paramètre β de la loi bêta (> 0), avec `alpha`.', 'Parameter β of the beta distribution (> 0), with `alpha`.', 954),
  lognormal: key(
    "Loi log-normale, pour un rapport positif (hazard ratio, multiplicateur) : `{median, ci95: [bas, haut]}` comme publié (l'estimation et son intervalle de confiance à 95 %), ou `{mean, sd}`.",
    'Lognormal distribution, for a positive ratio (hazard ratio, multiplier): `{median, ci95: [low, high]}` as published (the estimate and its 95 % confidence interval), or `{mean, sd}`.',
    { median: 0.75, ci95: [0.6, 0.9375] },
    { mean: 0.8, sd: 0.1 },
  ),
  'lognormal.median': key("L'estimation ponctuelle publiée, médiane de la loi (> 0) ; avec `ci95`.", 'The published point estimate, the median of the distribution (> 0); with `ci95`.', 0.75),
  'lognormal.ci95': key(
    "Intervalle de confiance à 95 % publié avec l'estimation, [bas, haut], tous deux > 0 ; l'estimation est proche de √(bas × haut).",
    'The 95 % confidence interval published with the estimate, [low, high], both > 0; the estimate lies near √(low × high).',
    [0.6, 0.9375],
  ),
  'lognormal.mean': key(
    'Avec `sd` : la moyenne de la loi (> 0). Avec `ci95` (forme ancienne) : lue comme la médiane ; écrivez plutôt `median`.',
    'With `sd`: the mean of the distribution (> 0). With `ci95` (the older form): read as the median; write `median` instead.',
    0.8,
  ),
  'lognormal.sd': key('Écart-type de la loi log-normale (> 0) ; avec `mean`.', 'Standard deviation of the lognormal distribution (> 0); with `mean`.', 0.1),
  gamma: key(
    'Loi gamma, pour un coût, une durée ou un effectif positifs : `{mean, sd}`.',
    'Gamma distribution, for a positive cost, duration or count: `{mean, sd}`.',
    { mean: 30, sd: 3 },
  ),
  'gamma.mean': key("Moyenne de la loi gamma (> 0), dans l'unité du paramètre (euros, minutes, personnes).", 'Mean of the gamma distribution (> 0), in the unit of the parameter (euros, minutes, people).', 30),
  'gamma.sd': key('Écart-type de la loi gamma (> 0), dans la même unité.', 'Standard deviation of the gamma distribution (> 0), in the same unit.', 3),
  normal: key(
    'Loi normale, pour une quantité qui peut être négative (rare) : `{mean, sd}`.',
    'Normal distribution, for a quantity that may be negative (rarely needed): `{mean, sd}`.',
    { mean: 0, sd: 1 },
  ),
  'normal.mean': key('Moyenne de la loi normale.', 'Mean of the normal distribution.', 0),
  'normal.sd': key('Écart-type de la loi normale (> 0).', 'Standard deviation of the normal distribution (> 0).', 1),
  uniform: key(
    'Loi uniforme sur [bas, haut] : une plage sans valeur privilégiée.',
    'Uniform distribution over [low, high]: a range with no preferred value.',
    [0.4, 0.6],
  ),
  triangular: key(
    "Loi triangulaire [bas, mode, haut] : avis d'experts, valeur basse, la plus probable, haute.",
    'Triangular distribution [low, mode, high]: expert opinion, the low, most likely and high values.',
    [0.5, 0.7, 0.9],
  ),
};


/** Values that change with the calendar year: transition probabilities, inflows, multipliers. */
const TIME_VARYING: KeyDocs = {
  'by-year': key(
    "Valeurs des années 1, 2, … ; la dernière se maintient jusqu'à l'horizon. Chaque valeur est un nombre ou une loi, tirée une fois par itération.",
    'Values for years 1, 2, …; the last one holds to the horizon. Each value is a number or a distribution, drawn once per iteration.',
    [0.01, 0.0097, 0.0095],
  ),
  trend: key(
    "Une valeur qui change d'une part constante chaque année : `{start, annual-change}` ; l'année k vaut start × (1 + annual-change)^(k − 1).",
    'A value that changes by a constant share each year: `{start, annual-change}`; year k takes start × (1 + annual-change)^(k − 1).',
    { start: 0.01, 'annual-change': -0.026 },
  ),
  'trend.start': key(
    "La valeur de l'année 1 : un nombre ou une loi, avec le domaine du paramètre (une probabilité entre 0 et 1, un effectif ≥ 0…).",
    "The value in year 1: a number or a distribution, in the parameter's range (a probability between 0 and 1, a count ≥ 0…).",
    0.01,
    { beta: { mean: 0.01, sd: 0.001 } },
  ),
  'trend.annual-change': key(
    'Variation relative par an, supérieure à −1 : −0.026 est une baisse de 2,6 % par an, 0.05 une hausse de 5 %. Un nombre ou une loi.',
    'Relative change per year, above −1: −0.026 is a fall of 2.6 % a year, 0.05 a rise of 5 %. A number or a distribution.',
    -0.026,
    { normal: { mean: -0.026, sd: 0.005 } },
  ),
};

/** Looked up after the kind's own keys, by suffix (src/language/schema-docs/types.ts). */
export const COMMON_DOCS: KeyDocs = { ...SOURCES, ...CITATIONS, ...DISTRIBUTIONS, ...TIME_VARYING };

/**
 * Titles of the forms a value may take, by the keys of the form (sorted, joined by `,`). Editors
 * name a union's alternatives by their titles, in completion and in "expected …" messages.
 */
export const FORM_TITLES: Readonly<Record<string, Bilingual>> = {
  beta: { fr: 'loi bêta', en: 'beta distribution' },
  lognormal: { fr: 'loi log-normale', en: 'lognormal distribution' },
  gamma: { fr: 'loi gamma', en: 'gamma distribution' },
  normal: { fr: 'loi normale', en: 'normal distribution' },
  uniform: { fr: 'loi uniforme', en: 'uniform distribution' },
  triangular: { fr: 'loi triangulaire', en: 'triangular distribution' },
  'mean,sd': { fr: 'moyenne et écart-type', en: 'mean and standard deviation' },
  'alpha,beta': { fr: 'paramètres alpha et beta', en: 'alpha and beta parameters' },
  'ci95,median': { fr: 'médiane et intervalle à 95 %', en: 'median and 95 % interval' },
  'ci95,mean': { fr: 'moyenne lue comme médiane, et intervalle à 95 %', en: 'mean read as the median, and 95 % interval' },
  'per,times': { fr: 'fréquence {times, per}', en: 'frequency {times, per}' },
  'ramp,relative-to': { fr: 'rampe de couverture par année', en: 'coverage ramp by year' },
  'grade,note,source': { fr: 'recommandation', en: 'recommendation' },
  'by-year': { fr: 'valeurs par année', en: 'values by year' },
  trend: { fr: 'tendance annuelle', en: 'annual trend' },
  'annual-change,start': { fr: 'valeur de départ et variation annuelle', en: 'start value and annual change' },
  'event,note,p,source,stratum': { fr: 'déplacement {stratum, p, event}', en: 'move {stratum, p, event}' },
  'costs,desirable,flows,note,source,title': { fr: 'événement {title, flows, desirable, costs}', en: 'event {title, flows, desirable, costs}' },
};
