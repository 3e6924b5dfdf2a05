/**
 * The report's own words in French and English, and number formatting for each. User text (titles,
 * labels) is never translated: it is shown as written, escaped.
 */
export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];

export interface Words {
  reportTitle: string;
  generatedBy: string;
  contents: string;
  readingGuide: string;
  scenario: string;
  pyramid: string;
  baseline: string;
  program: string;
  difference: string;
  territories: string;
  territory: string;
  allTerritories: string;
  horizon: string;
  years: string;
  year: string;
  iterations: string;
  mode: string;
  seed: string;
  population: string;
  start: string;
  atHorizon: string;
  stratum: string;
  people: string;
  mean: string;
  interval: string;
  perYear: string;
  per100k: string;
  summary: string;
  pyramidStartHorizon: string;
  pyramidStartHorizonNote: string;
  strataOverTime: string;
  strataOverTimeNote: string;
  eventsAverted: string;
  eventsAvertedNote: string;
  event: string;
  averted: string;
  cumulative: string;
  lastYear: string;
  volumesPerProfession: string;
  volumesPerProfessionNote: string;
  volumesPerAction: string;
  volumesPerActionNote: string;
  action: string;
  profession: string;
  logigramme: string;
  actsPerYear: string;
  fteDemand: string;
  fteDemandNote: string;
  fte: string;
  workforce: string;
  shortfall: string;
  possibleShortfall: string;
  noWorkforce: string;
  withinWorkforce: string;
  costs: string;
  costsNote: string;
  totalCost: string;
  costDifference: string;
  acrossTerritories: string;
  acrossTerritoriesNote: string;
  indicator: string;
  overlay: string;
  overlayNote: string;
  manifest: string;
  manifestNote: string;
  tool: string;
  inputs: string;
  file: string;
  sha256: string;
  chartAlt: string;
  /** `term : value` in French, `term: value` in English. */
  colon: string;
  modes: Record<'stochastic' | 'psa' | 'expected', string>;
}

const FR: Words = {
  reportTitle: 'Rapport de simulation',
  generatedBy: 'Produit par',
  contents: 'Sommaire',
  readingGuide:
    'Chaque valeur est la moyenne sur les itérations de la simulation de Monte Carlo ; les intervalles vont du 2,5e au 97,5e centile des itérations (intervalle à 95 %). Une différence est « programme − soins courants », appariée itération par itération. Les effectifs et les paramètres des fichiers d’entrée marqués « illustratif » ou « estimation » doivent être validés avant tout usage.',
  scenario: 'Scénario',
  pyramid: 'Pyramide',
  baseline: 'Soins courants',
  program: 'Programme',
  difference: 'Différence',
  territories: 'Territoires',
  territory: 'Territoire',
  allTerritories: 'Ensemble des territoires',
  horizon: 'Horizon',
  years: 'ans',
  year: 'Année',
  iterations: 'Itérations',
  mode: 'Mode',
  seed: 'Graine',
  population: 'Population',
  start: 'Départ',
  atHorizon: 'À l’horizon',
  stratum: 'Strate',
  people: 'personnes',
  mean: 'Moyenne',
  interval: 'Intervalle à 95 %',
  perYear: '/an',
  per100k: 'pour 100 000 habitants',
  summary: 'Synthèse',
  pyramidStartHorizon: 'La pyramide au départ et à l’horizon',
  pyramidStartHorizonNote: 'Personnes par strate au départ, puis à l’horizon en soins courants et avec le programme ; les traits montrent l’intervalle à 95 %.',
  strataOverTime: 'Chaque strate au fil des années',
  strataOverTimeNote: 'Personnes par strate chaque année : soins courants et programme, avec leur bande à 95 %.',
  eventsAverted: 'Événements évités',
  eventsAvertedNote: 'Événements évités par an (soins courants − programme) avec leur bande à 95 % ; une valeur négative signifie des événements en plus.',
  event: 'Événement',
  averted: 'Évités',
  cumulative: 'Cumul sur l’horizon (moyenne)',
  lastYear: 'Dernière année',
  volumesPerProfession: 'Temps de travail par profession',
  volumesPerProfessionNote: 'Équivalents temps plein (ETP) demandés chaque année par les actions des logigrammes, par profession : soins courants et programme, avec leur bande à 95 %.',
  volumesPerAction: 'Volumes par action',
  volumesPerActionNote: 'Actes par an, moyenne avec intervalle à 95 %, la première et la dernière année ; différence à la dernière année.',
  action: 'Action',
  profession: 'Profession',
  logigramme: 'Logigramme',
  actsPerYear: 'actes par an',
  fteDemand: 'Demande en ETP et effectifs disponibles',
  fteDemandNote:
    'ETP demandés à la dernière année par les seules actions des logigrammes (programme), face aux ETP disponibles sur le territoire. Déficit : la moyenne dépasse l’effectif ; déficit possible : seul le 97,5e centile le dépasse. Les effectifs servent aussi d’autres patients : un déficit signale un besoin à instruire, pas une impossibilité.',
  fte: 'ETP',
  workforce: 'Effectif disponible (ETP)',
  shortfall: 'Déficit',
  possibleShortfall: 'Déficit possible',
  noWorkforce: 'Effectif non renseigné',
  withinWorkforce: 'Couvert',
  costs: 'Coûts',
  costsNote: 'Coût annuel des actions des logigrammes (tarifs des acteurs) : soins courants et programme, avec leur bande à 95 %, et leur différence.',
  totalCost: 'Coût total',
  costDifference: 'Surcoût du programme',
  acrossTerritories: 'Comparaison des territoires',
  acrossTerritoriesNote:
    'Les mêmes indicateurs pour 100 000 habitants, territoire par territoire, à la dernière année, avec leur intervalle à 95 % : si le programme se comporte de la même façon partout, les points s’alignent et les intervalles se recouvrent.',
  indicator: 'Indicateur',
  overlay: 'Les logigrammes et leurs effectifs simulés',
  overlayNote: 'Nombre moyen de personnes par an qui passent par chaque étape et chaque branche (tous territoires, moyenne sur l’horizon), avec le programme et, en petit, en soins courants.',
  manifest: 'Manifeste',
  manifestNote: 'Ce qu’il faut pour reproduire ce rapport : les mêmes entrées (mêmes empreintes SHA-256), la même graine et la même version de logi donnent les mêmes résultats.',
  tool: 'Outil',
  inputs: 'Entrées',
  file: 'Fichier',
  sha256: 'SHA-256',
  chartAlt: 'Graphique',
  colon: '\u00a0: ',
  modes: { stochastic: 'stochastique (individus et paramètres tirés au sort)', psa: 'analyse de sensibilité probabiliste (paramètres tirés au sort)', expected: 'valeurs attendues (aucun tirage)' },
};

const EN: Words = {
  reportTitle: 'Simulation report',
  generatedBy: 'Generated by',
  contents: 'Contents',
  readingGuide:
    'Each value is the mean over the iterations of the Monte Carlo simulation; intervals run from the 2.5th to the 97.5th percentile of the iterations (95 % interval). A difference is “program − usual care”, paired iteration by iteration. Counts and parameters that the input files mark “illustrative” or “estimate” must be validated before any use.',
  scenario: 'Scenario',
  pyramid: 'Pyramid',
  baseline: 'Usual care',
  program: 'Program',
  difference: 'Difference',
  territories: 'Territories',
  territory: 'Territory',
  allTerritories: 'All territories',
  horizon: 'Horizon',
  years: 'years',
  year: 'Year',
  iterations: 'Iterations',
  mode: 'Mode',
  seed: 'Seed',
  population: 'Population',
  start: 'Start',
  atHorizon: 'At the horizon',
  stratum: 'Stratum',
  people: 'people',
  mean: 'Mean',
  interval: '95 % interval',
  perYear: '/year',
  per100k: 'per 100,000 inhabitants',
  summary: 'Summary',
  pyramidStartHorizon: 'The pyramid at the start and at the horizon',
  pyramidStartHorizonNote: 'People per stratum at the start, then at the horizon under usual care and under the program; whiskers show the 95 % interval.',
  strataOverTime: 'Each stratum over the years',
  strataOverTimeNote: 'People per stratum each year: usual care and program, with their 95 % band.',
  eventsAverted: 'Events averted',
  eventsAvertedNote: 'Events averted per year (usual care − program) with their 95 % band; a negative value means more events.',
  event: 'Event',
  averted: 'Averted',
  cumulative: 'Over the horizon (mean)',
  lastYear: 'Last year',
  volumesPerProfession: 'Working time per profession',
  volumesPerProfessionNote: 'Full-time equivalents (FTE) needed each year by the logigrammes’ actions, per profession: usual care and program, with their 95 % band.',
  volumesPerAction: 'Volumes per action',
  volumesPerActionNote: 'Acts per year, mean with 95 % interval, in the first and the last year; difference in the last year.',
  action: 'Action',
  profession: 'Profession',
  logigramme: 'Logigramme',
  actsPerYear: 'acts per year',
  fteDemand: 'FTE demand against the workforce',
  fteDemandNote:
    'FTE needed in the last year by the logigrammes’ actions alone (program), against the FTE available in the territory. Shortfall: the mean exceeds the workforce; possible shortfall: only the 97.5th percentile does. The workforce also serves other patients: a shortfall flags a need to look into, not an impossibility.',
  fte: 'FTE',
  workforce: 'Workforce (FTE)',
  shortfall: 'Shortfall',
  possibleShortfall: 'Possible shortfall',
  noWorkforce: 'Workforce not given',
  withinWorkforce: 'Covered',
  costs: 'Costs',
  costsNote: 'Yearly cost of the logigrammes’ actions (the actors’ tariffs): usual care and program, with their 95 % band, and their difference.',
  totalCost: 'Total cost',
  costDifference: 'Extra cost of the program',
  acrossTerritories: 'Territories compared',
  acrossTerritoriesNote:
    'The same indicators per 100,000 inhabitants, territory by territory, in the last year, with their 95 % interval: if the program behaves the same everywhere, the points line up and the intervals overlap.',
  indicator: 'Indicator',
  overlay: 'The logigrammes with their simulated counts',
  overlayNote: 'Mean number of people per year passing through each step and each branch (all territories, averaged over the horizon), under the program and, in small, under usual care.',
  manifest: 'Manifest',
  manifestNote: 'What it takes to reproduce this report: the same inputs (same SHA-256), the same seed and the same logi version give the same results.',
  tool: 'Tool',
  inputs: 'Inputs',
  file: 'File',
  sha256: 'SHA-256',
  chartAlt: 'Chart',
  colon: ': ',
  modes: { stochastic: 'stochastic (individuals and parameters drawn)', psa: 'probabilistic sensitivity analysis (parameters drawn)', expected: 'expected values (no draws)' },
};

export const WORDS: Readonly<Record<Lang, Words>> = { fr: FR, en: EN };

/** Whole numbers with the language's thousands separator: `12 340` (narrow no-break space) or `12,340`. */
export function formatCount(n: number, lang: Lang): string {
  if (!Number.isFinite(n)) return '—';
  const rounded = Math.round(n);
  const sign = rounded < 0 ? '−' : '';
  const digits = Math.abs(rounded)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'fr' ? '\u202f' : ',');
  return sign + digits;
}

/** A number with `significant` significant digits for small values, whole above 100. */
export function formatNumber(n: number, lang: Lang, significant = 3): string {
  if (!Number.isFinite(n)) return '—';
  if (Math.abs(n) >= 100) return formatCount(n, lang);
  const text = n === 0 ? '0' : Number(n.toPrecision(significant)).toString();
  const signed = text.startsWith('-') ? `−${text.slice(1)}` : text;
  return lang === 'fr' ? signed.replace('.', ',') : signed;
}

export function formatEuros(n: number, lang: Lang): string {
  if (!Number.isFinite(n)) return '—';
  const millions = Math.abs(n) >= 1e6;
  const value = millions ? formatNumber(n / 1e6, lang, 3) : formatCount(n, lang);
  if (lang === 'fr') return `${value}${millions ? '\u202fM' : ''}\u202f€`;
  // English puts the sign before the currency symbol: −€12,000, not €−12,000.
  return value.startsWith('−') ? `−€${value.slice(1)}${millions ? 'M' : ''}` : `€${value}${millions ? 'M' : ''}`;
}

/** `12 340 [11 900 ; 12 800]` or `12,340 [11,900; 12,800]`. */
export function formatInterval(low: number, high: number, lang: Lang, format: (n: number, lang: Lang) => string = formatNumber): string {
  return lang === 'fr' ? `[${format(low, lang)} ; ${format(high, lang)}]` : `[${format(low, lang)}; ${format(high, lang)}]`;
}
