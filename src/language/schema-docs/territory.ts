/** The keys of a Territory (docs/language.md, "Territory"). */
import { headerDocs } from './common.js';
import { key, type KeyDocs } from './types.js';

export const TERRITORY_DOCS: KeyDocs = {
  ...headerDocs('Territory', {
    fr: "Identifiant du territoire, unique parmi les territoires de l'espace de travail ; les scénarios le citent.",
    en: "Id of the territory, unique among the workspace's territories; scenarios cite it.",
    example: 'douaisis',
  }),
  title: key('Nom du territoire.', 'Name of the territory.', 'Douaisis'),
  population: key('Habitants du territoire, tous âges : un nombre entier, au plus 10¹².', "The territory's inhabitants, all ages: a whole number, at most 10¹².", 100000),
  'population-source': key("D'où vient le chiffre de population (identifiant dans `sources`).", 'Where the population figure comes from (an id in `sources`).', 'insee'),
  pyramids: key(
    "Par identifiant de pyramide : les personnes de chaque strate au début de la simulation, et l'épidémiologie locale.",
    'By pyramid id: the people in each stratum at the start of the simulation, and the local epidemiology.',
    { 'mon-diabete': { counts: { S0: 60000, S1: 12000, S2: 5000 }, source: 'estimation' } },
  ),
  'pyramids.*': key(
    'Le territoire vu par une pyramide : effectifs par strate et multiplicateurs locaux.',
    'The territory as one pyramid sees it: people per stratum and local multipliers.',
    { counts: { S0: 60000, S1: 12000, S2: 5000 } },
  ),
  'pyramids.*.counts': key(
    'Personnes par strate au début de la simulation, par identifiant de strate : des nombres entiers, au plus 10¹² chacun.',
    'People per stratum at the start of the simulation, by stratum id: whole numbers, each at most 10¹².',
    { S0: 60000, S1: 12000, S2: 5000 },
  ),
  'pyramids.*.source': key("D'où viennent les effectifs (identifiant dans `sources`).", 'Where the counts come from (an id in `sources`).', 'estimation'),
  'pyramids.*.note': key('Note sur les effectifs de ce territoire.', "Note on this territory's counts.", 'Effectifs illustratifs'),
  'pyramids.*.multipliers': key(
    "Épidémiologie locale, relative à la pyramide, par transition `DE->VERS` : p devient 1 − (1 − p)^m ; m > 1 rend la transition plus fréquente ici qu'en moyenne. Chaque multiplicateur peut changer avec les années : `{by-year: [...]}` ou `{trend: {start, annual-change}}`.",
    'Local epidemiology relative to the pyramid, by transition `FROM->TO`: p becomes 1 − (1 − p)^m; m > 1 makes the transition more frequent here than on average. Each multiplier may change over the years: `{by-year: [...]}` or `{trend: {start, annual-change}}`.',
    { 'S1->S2': { lognormal: { median: 1.2, ci95: [1, 1.44] } } },
    { 'S1->S2': { 'by-year': [1.2, 1.15, 1.1] } },
  ),
  workforce: key(
    "Professionnels disponibles sur le territoire, par identifiant d'acteur : comparés à la demande simulée.",
    "Professionals available in the territory, by actor id: compared with the simulated demand.",
    { 'medecin-generaliste': { fte: 60, source: 'estimation' } },
  ),
  'workforce.*': key("Les effectifs d'une profession.", 'The workforce of one profession.', { fte: 60, note: 'Médecins généralistes libéraux' }),
  'workforce.*.fte': key(
    "Nombre d'équivalents temps plein (ETP) de cette profession sur le territoire (≥ 0).",
    'Number of full-time equivalents (FTE) of this profession in the territory (≥ 0).',
    60,
  ),
  'workforce.*.source': key("D'où vient ce nombre d'ETP (identifiant dans `sources`).", 'Where this number of FTE comes from (an id in `sources`).', 'estimation'),
  'workforce.*.note': key('Note sur ces effectifs.', 'Note on this workforce.', 'Médecins généralistes libéraux'),
};
