/** The keys of a Program (docs/language.md, "Program"). */
import { headerDocs } from './common.js';
import { key, type KeyDocs } from './types.js';

export const PROGRAM_DOCS: KeyDocs = {
  ...headerDocs('Program', {
    fr: "Identifiant du programme, unique parmi les programmes de l'espace de travail ; les scénarios le citent (`baseline`, `program`).",
    en: "Id of the program, unique among the workspace's programs; scenarios cite it (`baseline`, `program`).",
    example: 'soins-courants',
  }),
  title: key('Titre du programme, affiché dans les rapports.', 'Title of the program, shown in reports.', 'Programme renforcé'),
  description: key('Présentation du programme en texte libre, affichée dans les rapports.', 'Free-text presentation of the program, shown in reports.', 'Pratique actuelle.'),
  pyramid: key("Identifiant de la pyramide à laquelle le programme s'applique.", 'Id of the pyramid the program applies to.', 'mon-diabete'),
  strata: key(
    'Par identifiant de strate : le logigramme appliqué et la part de la strate qui y est inscrite (la couverture).',
    'By stratum id: the logigramme applied and the share of the stratum enrolled in it (the coverage).',
    { S2: { logigramme: 'dt2-s2-suivi', coverage: { beta: { mean: 0.52, sd: 0.03 } }, source: 'spf' } },
  ),
  'strata.*': key(
    'Ce que le programme fait pour une strate.',
    'What the program does for one stratum.',
    { logigramme: 'dt2-s2-suivi', coverage: { ramp: [0, 0.1, 0.2], 'relative-to': 'baseline' } },
  ),
  'strata.*.logigramme': key('Identifiant du logigramme appliqué à cette strate.', 'Id of the logigramme applied to this stratum.', 'dt2-s2-suivi'),
  'strata.*.coverage': key(
    "Part de la strate inscrite dans le logigramme à chaque cycle, entre 0 et 1 : un nombre, une loi, ou `{ramp: [année 1, année 2, …]}` dont la dernière valeur se maintient.",
    'Share of the stratum enrolled in the logigramme each cycle, between 0 and 1: a number, a distribution, or `{ramp: [year 1, year 2, …]}` whose last value holds.',
    0.52,
    { beta: { mean: 0.52, sd: 0.03 } },
    { ramp: [0, 0.1, 0.2], 'relative-to': 'baseline' },
  ),
  'strata.*.coverage.ramp': key(
    "Couverture des années 1, 2, … ; la dernière valeur se maintient. Chaque valeur est une fraction ou une loi, tirée une fois par itération. Avec `relative-to: baseline`, ce qui s'ajoute à la couverture des soins courants.",
    "Coverage in years 1, 2, …; the last value holds. Each value is a fraction or a distribution, drawn once per iteration. With `relative-to: baseline`, what is added to usual care's coverage.",
    [0, 0.1, 0.2],
  ),
  'strata.*.coverage.relative-to': key(
    "`baseline` : chaque valeur de la rampe s'ajoute à la couverture que tire le programme de référence du scénario pour la même strate et la même année (bornée entre 0 et 1).",
    "`baseline`: each value of the ramp is added to the coverage the scenario's baseline program draws for the same stratum and year (clamped to 0–1).",
    'baseline',
  ),
  'strata.*.source': key("D'où vient la couverture (identifiant dans `sources`).", 'Where the coverage comes from (an id in `sources`).', 'spf'),
  'strata.*.note': key('Note sur la couverture de cette strate.', "Note on this stratum's coverage.", '52 % des diabétiques ont trois HbA1c par an'),
};
