/** The keys of a Pyramid (docs/language.md, "Pyramid"). */
import { headerDocs } from './common.js';
import { key, type KeyDocs } from './types.js';

export const PYRAMID_DOCS: KeyDocs = {
  ...headerDocs('Pyramid', {
    fr: "Identifiant de la pyramide, unique parmi les pyramides de l'espace de travail ; logigrammes, programmes, territoires et scénarios la citent.",
    en: "Id of the pyramid, unique among the workspace's pyramids; logigrammes, programs, territories and scenarios cite it.",
    example: 'mon-diabete',
  }),
  title: key('Titre de la pyramide (la pathologie ou la population), affiché dans les diagrammes et les rapports.', 'Title of the pyramid (the condition or the population), shown in diagrams and reports.', 'Diabète de type 2'),
  description: key('Présentation de la pyramide en texte libre, affichée dans les rapports.', 'Free-text presentation of the pyramid, shown in reports.', 'Strates de la population adulte selon le risque et les complications du diabète.'),
  cycle: key(
    "Durée d'un cycle de simulation : `year` (par défaut), `quarter` ou `month`. Les probabilités annuelles sont converties au cycle : 1 − (1 − p)^(1/c).",
    'Length of one simulation cycle: `year` (the default), `quarter` or `month`. Annual probabilities are converted to the cycle: 1 − (1 − p)^(1/c).',
    'year',
  ),
  strata: key(
    'Les strates de la population, du bas de la pyramide vers le haut : une liste de `{id, title, criteria?, description?}`.',
    'The strata of the population, from the bottom of the pyramid to the top: a list of `{id, title, criteria?, description?}`.',
    [
      { id: 'S0', title: 'Population générale' },
      { id: 'S1', title: 'À risque de diabète', criteria: 'âge >= 45 et IMC >= 25' },
      { id: 'S2', title: 'Diabète sans complication' },
    ],
  ),
  'strata.*': key('Une strate : un groupe homogène de la population.', 'One stratum: a homogeneous group of the population.', { id: 'S1', title: 'À risque de diabète' }),
  'strata.*.id': key(
    'Identifiant de la strate, cité par les transitions, les logigrammes (`stratum`), les programmes et les territoires.',
    'Id of the stratum, cited by transitions, logigrammes (`stratum`), programs and territories.',
    'S1',
  ),
  'strata.*.title': key('Nom clinique de la strate.', 'Clinical name of the stratum.', 'À risque de diabète'),
  'strata.*.criteria': key(
    'Comment une personne est placée dans cette strate : texte libre ou expression.',
    'How a person is placed in this stratum: free text or an expression.',
    'âge >= 45 et IMC >= 25',
  ),
  'strata.*.description': key('Précision clinique sur la strate.', 'Clinical detail on the stratum.', 'Prédiabète ou facteurs de risque'),
  exits: key(
    "États absorbants, d'où l'on ne revient pas (le décès) : une liste de `{id, title, description?}`.",
    'Absorbing states, never left once reached (death): a list of `{id, title, description?}`.',
    [{ id: 'deces', title: 'Décès' }],
  ),
  'exits.*': key('Un état absorbant.', 'One absorbing state.', { id: 'deces', title: 'Décès' }),
  'exits.*.id': key("Identifiant de la sortie, cible possible d'une transition (`to`).", 'Id of the exit, a possible target of a transition (`to`).', 'deces'),
  'exits.*.title': key('Nom de la sortie.', 'Name of the exit.', 'Décès'),
  'exits.*.description': key('Précision sur la sortie.', 'Detail on the exit.', 'État absorbant'),
  transitions: key(
    "Probabilités annuelles de passer d'une strate à une autre ou à une sortie, sous soins courants : une liste de `{from, to, p, source?, note?}`. Rester dans sa strate est le reste de la ligne.",
    'Annual probabilities of moving from one stratum to another or to an exit, under usual care: a list of `{from, to, p, source?, note?}`. Staying in a stratum is the remainder of its row.',
    [{ from: 'S1', to: 'S2', p: { beta: { mean: 0.046, sd: 0.008 } }, source: 'morris-2013' }],
  ),
  'transitions.*': key("Une transition d'une strate vers une strate ou une sortie.", 'One transition from a stratum to a stratum or an exit.', { from: 'S2', to: 'deces', p: 0.03, source: 'entred-2007' }),
  'transitions.*.from': key('Strate que les personnes quittent.', 'Stratum people leave.', 'S1'),
  'transitions.*.to': key('Strate ou sortie que les personnes atteignent (descendre dans la pyramide est permis).', 'Stratum or exit people reach (moving down the pyramid is allowed).', 'S2'),
  'transitions.*.p': key(
    "Probabilité annuelle de la transition, entre 0 et 1 : un nombre ou une loi bêta, la même chaque année ; ou `{by-year: [...]}` (une valeur par année, la dernière se maintient) ; ou `{trend: {start, annual-change}}` (une variation relative par an). Convertie quand `cycle` est plus court que l'année.",
    'Annual probability of the transition, between 0 and 1: a number or a beta distribution, the same every year; or `{by-year: [...]}` (one value per year, the last holding); or `{trend: {start, annual-change}}` (a relative change per year). Converted when `cycle` is shorter than a year.',
    { beta: { mean: 0.046, sd: 0.008 } },
    0.03,
    { trend: { start: 0.01, 'annual-change': -0.026 } },
  ),
  inflows: key(
    "Entrées par an dans une strate : `{to, count}` (un effectif) ou `{to, rate, of}` (un taux) ; réparties également sur les cycles d'une année.",
    'Entrants per year into a stratum: `{to, count}` (a number of people) or `{to, rate, of}` (a rate); spread evenly over the cycles of a year.',
    [{ to: 'S0', rate: 0.011, of: 'population', source: 'estimation' }],
  ),
  'inflows.*': key("Un flux d'entrée dans une strate.", 'One inflow into a stratum.', { to: 'S1', count: { gamma: { mean: 200, sd: 30 } }, source: 'estimation' }),
  'inflows.*.to': key('Strate où entrent les personnes.', 'Stratum the people enter.', 'S0'),
  'inflows.*.count': key(
    "Nombre d'entrants par an (la moyenne d'un tirage de Poisson), à la place de `rate` : un nombre ou une loi gamma ; ou `{by-year: [...]}`, ou `{trend: {start, annual-change}}` quand il change avec les années.",
    'Entrants per year (the mean of a Poisson draw), instead of `rate`: a number or a gamma distribution; or `{by-year: [...]}`, or `{trend: {start, annual-change}}` when it changes over the years.',
    200,
    { gamma: { mean: 200, sd: 30 } },
    { 'by-year': [180, 200, 220] },
  ),
  'inflows.*.rate': key(
    "Taux annuel d'entrée, en fraction de `of`, à la place de `count` ; peut aussi s'écrire `{by-year: [...]}` ou `{trend: {start, annual-change}}`.",
    'Annual rate of entry, as a fraction of `of`, instead of `count`; may also be written `{by-year: [...]}` or `{trend: {start, annual-change}}`.',
    0.011,
    { trend: { start: 0.011, 'annual-change': -0.01 } },
  ),
  'inflows.*.of': key('Base du taux `rate` : `population` (les habitants du territoire) ou un identifiant de strate.', "Base of the `rate`: `population` (the territory's inhabitants) or a stratum id.", 'population'),
  events: key(
    'Flux nommés, comptés dans les rapports : `nom: [S0->S2, S1->S2]`, chaque flux une transition `DE->VERS`.',
    'Named flows, counted in reports: `name: [S0->S2, S1->S2]`, each flow a transition `FROM->TO`.',
    { 'nouveaux-diabetes': ['S0->S2', 'S1->S2'] },
  ),
};
