/** The keys of a ParameterSet document (docs/language.md, "ParameterSet"). */
import { headerDocs } from './common.js';
import { key, type KeyDocs } from './types.js';

export const PARAMETER_SET_DOCS: KeyDocs = {
  ...headerDocs('ParameterSet', {
    fr: "Identifiant du jeu de paramètres, unique parmi les documents ParameterSet : un scénario le cite dans `parameter-sets`.",
    en: 'Id of the parameter set, unique among the ParameterSet documents: a scenario cites it in `parameter-sets`.',
    example: 'etalonnage-dt2-point',
  }),
  title: key('Titre du jeu de paramètres.', 'Title of the parameter set.', 'Valeurs étalonnées (estimation ponctuelle)'),
  description: key('Présentation du jeu de paramètres en texte libre.', 'Free-text presentation of the parameter set.', "Produit par `logi calibrate`."),
  source: key(
    "D'où viennent les valeurs (l'étalonnage qui les a produites) : l'identifiant d'une entrée de `sources`, ou une liste d'identifiants.",
    'Where the values come from (the calibration that produced them): the id of an entry of `sources`, or a list of ids.',
    'etalonnage',
  ),
  values: key(
    'Les valeurs, chacune à son chemin de paramètre : elles remplacent celles des fichiers pour les scénarios qui citent ce jeu.',
    'The values, each at its parameter path: they replace those of the files for the scenarios that cite this set.',
    [{ path: 'diabete-t2 transitions S1->S2 p', value: 0.0123 }],
  ),
  'values.*': key('Une valeur et son chemin.', 'One value and its path.', { path: 'diabete-t2 transitions S1->S2 p', value: 0.0123 }),
  'values.*.path': key(
    "Chemin du paramètre remplacé : l'identifiant d'un document puis les clés jusqu'à la valeur, séparés par des espaces.",
    'Path of the parameter replaced: the id of a document then the keys down to the value, separated by spaces.',
    'diabete-t2 transitions S1->S2 p',
  ),
  'values.*.value': key('La nouvelle valeur : un nombre ou une loi.', 'The new value: a number or a distribution.', 0.0123, { beta: { mean: 0.0123, sd: 0.002 } }),
  'values.*.note': key('Note libre sur cette valeur.', 'Free note on this value.', 'médiane a posteriori'),
  posterior: key(
    "Fichier CSV (chemin relatif à ce fichier) d'un échantillon a posteriori : une colonne par chemin (l'en-tête), une ligne par jeu ; `simulate` en donne un à chaque itération.",
    'A CSV file (path relative to this file) of a posterior sample: one column per path (the header), one row per set; `simulate` gives each iteration one of them.',
    'posterior.csv',
  ),
};
