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
    { logigramme: 'dt2-s1-apa', coverage: 0.2, retention: 0.8, 'on-transfer': 'drop' },
  ),
  'strata.*.logigramme': key('Identifiant du logigramme appliqué à cette strate.', 'Id of the logigramme applied to this stratum.', 'dt2-s2-suivi'),
  'strata.*.coverage': key(
    "Part cible de la strate inscrite dans le logigramme, par année, entre 0 et 1 : un nombre, une loi, ou `{ramp: [année 1, année 2, …]}` dont la dernière valeur se maintient. Sans `retention`, elle est tirée à nouveau à chaque cycle ; avec, les nouvelles inscriptions complètent jusqu'à elle.",
    'Target share of the stratum enrolled in the logigramme, per year, between 0 and 1: a number, a distribution, or `{ramp: [year 1, year 2, …]}` whose last value holds. Without `retention` it is drawn afresh each cycle; with it, new enrolment tops up to it.',
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
  'strata.*.retention': key(
    "Probabilité par an qu'une personne inscrite le reste (entre 0 et 1) ; chaque cycle, de nouvelles inscriptions complètent jusqu'à la couverture. Sans `retention`, personne ne reste inscrit d'un cycle à l'autre : l'inscription est tirée à nouveau à chaque cycle.",
    'Probability per year that an enrolled person stays enrolled (between 0 and 1); each cycle, new enrolment tops up to the coverage. Without `retention`, nobody stays enrolled from one cycle to the next: enrolment is drawn afresh each cycle.',
    0.8,
    { beta: { mean: 0.8, sd: 0.05 } },
  ),
  'strata.*.on-transfer': key(
    "Ce que devient une personne inscrite qui change de strate : `keep` (par défaut : elle reste inscrite si le programme a un logigramme dans sa nouvelle strate) ou `drop` (elle quitte le programme). Sert seulement avec `retention`.",
    'What happens to an enrolled person who changes stratum: `keep` (the default: they stay enrolled if the program has a logigramme in their new stratum) or `drop` (they leave the program). Only used with `retention`.',
    'keep',
    'drop',
  ),
  costs: key(
    'Coûts du programme, en plus de ses actes, par identifiant : un coût fixe par an (`per-year`), par personne inscrite et par an (`per-enrolled-year`) ou par personne-année de toute une strate (`per-person-year`), avec qui le paie (`payer`).',
    "Costs of the program besides its acts, by id: a fixed cost per year (`per-year`), a cost per enrolled person-year (`per-enrolled-year`) or a cost per person-year of whole strata (`per-person-year`), with who pays it (`payer`).",
    { coordination: { title: 'Coordination du programme', payer: 'ars', 'per-year': 45000 } },
  ),
  'costs.*': key(
    'Un coût du programme : `title`, `payer`, et un seul de `per-year`, `per-enrolled-year` (avec `strata` facultatif) ou `per-person-year` (avec `strata` obligatoire).',
    'One cost of the program: `title`, `payer`, and exactly one of `per-year`, `per-enrolled-year` (with an optional `strata`) or `per-person-year` (with a required `strata`).',
    { title: 'Plateforme de télésuivi', payer: 'assurance-maladie', 'per-enrolled-year': 120, strata: ['S2'] },
    { title: 'Traitement préventif', payer: 'assurance-maladie', 'per-person-year': 90, strata: ['S1'] },
  ),
  'costs.*.title': key('Intitulé du coût, affiché dans les rapports.', 'Title of the cost, shown in reports.', 'Coordination du programme'),
  'costs.*.payer': key(
    'Qui paie ce coût, un identifiant de votre choix : `assurance-maladie`, `ars`, `hopital`, `collectivite`, `patient`…',
    'Who pays this cost, an id of your choice: `assurance-maladie`, `ars`, `hopital`, `collectivite`, `patient`…',
    'assurance-maladie',
    'ars',
  ),
  'costs.*.per-year': key(
    "Coût fixe par territoire et par an, en euros (≥ 0), quelle que soit la taille du territoire : coordination, plateforme. Un nombre ou une loi.",
    "Fixed cost per territory and year, in euros (≥ 0), whatever the territory's size: coordination, a platform. A number or a distribution.",
    45000,
    { gamma: { mean: 45000, sd: 5000 } },
  ),
  'costs.*.per-enrolled-year': key(
    'Coût par personne inscrite et par an, en euros (≥ 0), compté sur les personnes-années inscrites des strates de `strata`. Un nombre ou une loi.',
    'Cost per enrolled person-year, in euros (≥ 0), counted over the enrolled person-years of the strata in `strata`. A number or a distribution.',
    120,
    { gamma: { mean: 120, sd: 20 } },
  ),
  'costs.*.per-person-year': key(
    "Coût par personne-année de tous ceux qui sont dans les strates de `strata` sous ce programme, inscrits ou non (un médicament donné à toute la strate), en euros (≥ 0) ; les personnes-années sont comptées comme les coûts d'état (`economics.state-time` du scénario, docs/economics.md). Un nombre, une loi, ou `{by-year: [...]}` / `{trend: {start, annual-change}}` quand il change avec les années.",
    "Cost per person-year of everyone in the strata of `strata` under this program, enrolled or not (a drug given to the whole stratum), in euros (≥ 0); person-years are counted as for state costs (the scenario's `economics.state-time`, docs/economics.md). A number, a distribution, or `{by-year: [...]}` / `{trend: {start, annual-change}}` when it changes over the years.",
    90,
    { gamma: { mean: 90, sd: 15 } },
    { 'by-year': [90, 80, 70] },
  ),
  'costs.*.strata': key(
    'Avec `per-enrolled-year` : les strates du programme dont les inscrits comptent (par défaut, toutes). Avec `per-person-year` (obligatoire) : les strates de la pyramide dont toutes les personnes comptent. Refusé avec `per-year`.',
    "With `per-enrolled-year`: the program's strata whose enrolled people count (by default, all of them). With `per-person-year` (required): the pyramid's strata whose people all count. Refused with `per-year`.",
    ['S2'],
  ),
  'costs.*.source': key("D'où vient ce coût (identifiant dans `sources`).", 'Where this cost comes from (an id in `sources`).', 'estimation'),
  'costs.*.note': key('Note sur ce coût : ce qu\'il couvre, comment il a été estimé.', 'Note on this cost: what it covers, how it was estimated.', '1 ETP de coordinateur'),
};
