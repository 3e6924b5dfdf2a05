/** Messages of the render area (ids start with `render.`): see src/i18n/catalogue.ts. */
import { defineMessages } from '../define.js';

export const renderMessages = defineMessages({
  // The words printed on the memo sheet (PDF and Markdown) and under a diagram (SVG, PNG).
  'render.sheet.stratum': { en: 'Stratum', fr: 'Strate' },
  'render.sheet.pyramid': { en: 'pyramid', fr: 'pyramide' },
  'render.sheet.logigramme': { en: 'flowchart', fr: 'logigramme' },
  'render.sheet.actors': { en: 'Actors', fr: 'Acteurs' },
  'render.sheet.actions': { en: 'Actions to carry out', fr: 'Actions à réaliser' },
  'render.sheet.sources': { en: 'References', fr: 'Sources' },
  /** The columns of the table of actions, separated by `|`. */
  'render.sheet.columns': { en: 'Action|Professional|Frequency|Grade|Source', fr: 'Action|Profession|Fréquence|Grade|Source' },
  'render.sheet.page-number': {
    en: (p: { page: string; total: string }) => `page ${p.page} of ${p.total}`,
    fr: (p: { page: string; total: string }) => `page ${p.page} sur ${p.total}`,
  },
  'render.sheet.continued-on': {
    en: (p: { page: number; arrow: string }) => `continued on page ${p.page} ${p.arrow}`,
    fr: (p: { page: number; arrow: string }) => `suite page ${p.page} ${p.arrow}`,
  },
  'render.sheet.continued-from': {
    en: (p: { page: number; arrow: string }) => `${p.arrow} continued from page ${p.page}`,
    fr: (p: { page: number; arrow: string }) => `${p.arrow} suite de la page ${p.page}`,
  },

  // Frequencies in labels and tables: `4/an`, `4/year`.
  'render.frequency.day': { en: 'day', fr: 'jour' },
  'render.frequency.week': { en: 'week', fr: 'semaine' },
  'render.frequency.month': { en: 'month', fr: 'mois' },
  'render.frequency.quarter': { en: 'quarter', fr: 'trimestre' },
  'render.frequency.year': { en: 'year', fr: 'an' },
  'render.frequency.once': { en: 'once', fr: '1 fois' },
  'render.frequency.once-within': {
    en: (p: { days: number }) => `once, by day ${p.days}`,
    fr: (p: { days: number }) => `1 fois, ≤ J${p.days}`,
  },

  // The territory pyramid.
  'render.pyramid.people': {
    en: (p: { count: string; population: string }) => `${p.count} people in the pyramid · population ${p.population}`,
    fr: (p: { count: string; population: string }) => `${p.count} personnes dans la pyramide · population ${p.population}`,
  },
  'render.pyramid.caption': {
    en: (p: { percent: number }) => `Width proportional to the count (at least ${p.percent} % of the widest, to stay visible).`,
    fr: (p: { percent: number }) => `Largeur proportionnelle à l'effectif (au moins ${p.percent} % de la plus large, pour rester visible).`,
  },
  'render.pyramid.note': { en: " Counts: see the territory's note.", fr: ' Effectifs : voir la note du territoire.' },

  // Progress of `logi render` in the browser.
  'render.progress.starting-browser': { en: 'starting Chromium', fr: 'démarrage de Chromium' },
  'render.progress.rendering': {
    en: (p: { format: string }) => `rendering ${p.format}`,
    fr: (p: { format: string }) => `rendu ${p.format}`,
  },

  // Warnings.
  'render.warning.cut-through': {
    en: (p: { logigramme: string }) => `${p.logigramme}: the memo sheet cuts its diagram through a node or a label (no row of the diagram is free to cut between)`,
    fr: (p: { logigramme: string }) => `${p.logigramme} : la fiche mémo coupe son schéma au travers d'un nœud ou d'un libellé (aucune rangée du schéma ne laisse de place pour couper)`,
  },
  'render.warning.cut-through.hint': {
    en: 'split the logigramme into smaller ones linked by `refer` nodes, or print it on A3',
    fr: 'découpez le logigramme en logigrammes plus petits reliés par des nœuds `refer`, ou imprimez-le en A3',
  },

  // Errors.
  'render.error.too-large': {
    en: (p: { length: string; max: string }) => `its Mermaid text is ${p.length} characters, above the ${p.max} that logi draws`,
    fr: (p: { length: string; max: string }) => `son texte Mermaid compte ${p.length} caractères, au-delà des ${p.max} que logi dessine`,
  },
  'render.error.too-large.hint': {
    en: 'shorten its labels (`logi lint` flags long ones: label-length), or split it into smaller logigrammes linked by `refer` nodes',
    fr: 'raccourcissez ses libellés (`logi lint` signale les longs : label-length), ou découpez-le en logigrammes plus petits reliés par des nœuds `refer`',
  },
  'render.error.browser-failed': {
    en: (p: { logigramme: string; message: string }) => `${p.logigramme}: the browser could not render it: ${p.message}`,
    fr: (p: { logigramme: string; message: string }) => `${p.logigramme} : le navigateur n'a pas pu le dessiner : ${p.message}`,
  },
  'render.error.browser-failed.hint': {
    en: 'check the logigramme with `logi render FILE --format mmd`; rerun with LOGI_DEBUG=1 for details',
    fr: 'vérifiez le logigramme avec `logi render FICHIER --format mmd` ; relancez avec LOGI_DEBUG=1 pour le détail',
  },
  'render.error.browser-exited': {
    en: (p: { reason: string; detail: string }) => `it exited as it started (${p.reason})${p.detail ? `: ${p.detail}` : ''}`,
    fr: (p: { reason: string; detail: string }) => `il s'est arrêté dès son démarrage (${p.reason})${p.detail ? ` : ${p.detail}` : ''}`,
  },
  'render.error.browser-exit-code': {
    en: (p: { code: string }) => `exit code ${p.code}`,
    fr: (p: { code: string }) => `code de sortie ${p.code}`,
  },
  'render.error.browser-timeout': {
    en: (p: { seconds: number }) => `it did not answer within ${p.seconds} s`,
    fr: (p: { seconds: number }) => `il n'a pas répondu en ${p.seconds} s`,
  },
  'render.error.browser-flag': {
    en: (p: { path: string }) => `--browser ${p.path}: no executable file there`,
    fr: (p: { path: string }) => `--browser ${p.path} : aucun fichier exécutable à cet endroit`,
  },
  'render.error.browser-flag.hint': {
    en: 'give the path of a Chromium or Chrome executable, e.g. /usr/bin/chromium',
    fr: "donnez le chemin d'un exécutable Chromium ou Chrome, par exemple /usr/bin/chromium",
  },
  'render.error.browser-env': {
    en: (p: { path: string }) => `PUPPETEER_EXECUTABLE_PATH=${p.path}: no executable file there`,
    fr: (p: { path: string }) => `PUPPETEER_EXECUTABLE_PATH=${p.path} : aucun fichier exécutable à cet endroit`,
  },
  'render.error.browser-env.hint': { en: 'correct or unset PUPPETEER_EXECUTABLE_PATH', fr: 'corrigez ou retirez PUPPETEER_EXECUTABLE_PATH' },
  'render.error.no-browser': {
    en: (p: { cache: string; system: string }) => `no Chromium or Chrome found to render SVG, PNG or PDF (looked at --browser, PUPPETEER_EXECUTABLE_PATH, ${p.cache}, ${p.system || 'no system path on this platform'})`,
    fr: (p: { cache: string; system: string }) => `aucun Chromium ni Chrome trouvé pour produire SVG, PNG ou PDF (cherché : --browser, PUPPETEER_EXECUTABLE_PATH, ${p.cache}, ${p.system || 'aucun chemin système sur cette plateforme'})`,
  },
  'render.error.no-browser.hint': {
    en: 'install Chromium (Debian/Ubuntu: `apt-get install -y chromium`; macOS: install Google Chrome), or give its path with --browser PATH or PUPPETEER_EXECUTABLE_PATH',
    fr: 'installez Chromium (Debian/Ubuntu : `apt-get install -y chromium` ; macOS : installez Google Chrome), ou donnez son chemin avec --browser CHEMIN ou PUPPETEER_EXECUTABLE_PATH',
  },
});
