/**
 * Messages of the cli area (ids start with `cli.`): see src/i18n/catalogue.ts. The commands' help
 * texts are here too, by command id (`cli.command.<id>.summary`, `.description`, `.example.<n>`,
 * `.arg.<name>`, `.flag.<name>`; `cli.flag.<name>` for the global flags): src/cli/texts.ts.
 */
import { defineMessages } from '../define.js';

/** French counts 0 and 1 in the singular. */
const frPlural = (n: number, singular: string, plural: string) => (n <= 1 ? singular : plural);
const enPlural = (n: number, singular: string, plural: string) => (n === 1 ? singular : plural);
const quoted = (items: readonly string[]) => items.map((item) => `\`${item}\``).join(', ');

const errorsAndUsage = defineMessages({
  'cli.hint': { en: 'hint', fr: 'conseil' },
  'cli.hint-line': {
    en: (p: { hint: string }) => `hint: ${p.hint}`,
    fr: (p: { hint: string }) => `conseil : ${p.hint}`,
  },
  'cli.internal-error': {
    en: (p: { message: string }) => `internal error: ${p.message}`,
    fr: (p: { message: string }) => `erreur interne : ${p.message}`,
  },
  'cli.internal-error.hint': {
    en: 'this is a bug in logi; rerun with LOGI_DEBUG=1 and report the stack trace',
    fr: "c'est un défaut de logi : relancez avec LOGI_DEBUG=1 et signalez la trace affichée",
  },
  'cli.see-help': {
    en: (p: { command: string }) => `see \`logi ${p.command} --help\``,
    fr: (p: { command: string }) => `voir \`logi ${p.command} --help\``,
  },
  'cli.unknown-command': {
    en: (p: { command: string }) => `unknown command \`${p.command}\``,
    fr: (p: { command: string }) => `commande inconnue \`${p.command}\``,
  },
  'cli.unknown-command.did-you-mean': {
    en: (p: { command: string; match: string }) => `unknown command \`${p.command}\`: did you mean \`${p.match}\`?`,
    fr: (p: { command: string; match: string }) => `commande inconnue \`${p.command}\` : vouliez-vous dire \`${p.match}\` ?`,
  },
  'cli.unknown-command.list': {
    en: (p: { commands: string[] }) => `the commands are ${p.commands.join(', ')}; see \`logi --help\``,
    fr: (p: { commands: string[] }) => `les commandes sont ${p.commands.join(', ')} ; voir \`logi --help\``,
  },
  'cli.flag-not-command': {
    en: (p: { flag: string }) => `\`${p.flag}\` is a flag, not a command`,
    fr: (p: { flag: string }) => `\`${p.flag}\` est une option, pas une commande`,
  },
  'cli.flag-not-command.hint': {
    en: (p: { flag: string }) => `write the command first, then its flags, e.g. \`logi lint ${p.flag}\``,
    fr: (p: { flag: string }) => `écrivez d'abord la commande, puis ses options, par exemple \`logi lint ${p.flag}\``,
  },
});

/** oclif's parse errors, rewritten (src/cli/parse-errors.ts). */
const parseErrors = defineMessages({
  'cli.parse.unknown-flag': {
    en: (p: { flag: string }) => `unknown flag \`${p.flag}\``,
    fr: (p: { flag: string }) => `option inconnue \`${p.flag}\``,
  },
  'cli.parse.unknown-flag.did-you-mean': {
    en: (p: { flag: string; match: string }) => `unknown flag \`${p.flag}\`: did you mean \`${p.match}\`?`,
    fr: (p: { flag: string; match: string }) => `option inconnue \`${p.flag}\` : vouliez-vous dire \`${p.match}\` ?`,
  },
  'cli.parse.unknown-flags': {
    en: (p: { flags: string[] }) => `unknown flags ${quoted(p.flags)}`,
    fr: (p: { flags: string[] }) => `options inconnues ${quoted(p.flags)}`,
  },
  'cli.parse.flags-are': {
    en: (p: { command: string; flags: string[] }) => `the flags of \`logi ${p.command}\` are ${p.flags.join(', ')}; see \`logi ${p.command} --help\``,
    fr: (p: { command: string; flags: string[] }) => `les options de \`logi ${p.command}\` sont ${p.flags.join(', ')} ; voir \`logi ${p.command} --help\``,
  },
  'cli.parse.missing-argument': {
    en: (p: { name: string; description: string }) => `missing argument ${p.name}${p.description ? `: ${p.description}` : ''}`,
    fr: (p: { name: string; description: string }) => `argument manquant ${p.name}${p.description ? ` : ${p.description}` : ''}`,
  },
  'cli.parse.unexpected-arguments': {
    en: (p: { args: string[] }) => `unexpected ${enPlural(p.args.length, 'argument', 'arguments')} ${quoted(p.args)}`,
    fr: (p: { args: string[] }) => `${frPlural(p.args.length, 'argument inattendu', 'arguments inattendus')} ${quoted(p.args)}`,
  },
  'cli.parse.takes-arguments': {
    en: (p: { command: string; count: number }) => `\`logi ${p.command}\` takes ${p.count === 0 ? 'no argument' : p.count === 1 ? 'one argument' : `${p.count} arguments`}; see \`logi ${p.command} --help\``,
    fr: (p: { command: string; count: number }) => `\`logi ${p.command}\` ne prend ${p.count === 0 ? 'aucun argument' : p.count === 1 ? "qu'un argument" : `que ${p.count} arguments`} ; voir \`logi ${p.command} --help\``,
  },
  'cli.parse.not-an-option': {
    en: (p: { flag: string; value: string; options: string[] }) => `\`${p.flag} ${p.value}\` is not allowed: the values are ${p.options.join(', ')}`,
    fr: (p: { flag: string; value: string; options: string[] }) => `\`${p.flag} ${p.value}\` n'est pas permis : les valeurs sont ${p.options.join(', ')}`,
  },
  'cli.parse.did-you-mean-value': {
    en: (p: { flag: string; match: string }) => `did you mean \`${p.flag} ${p.match}\`?`,
    fr: (p: { flag: string; match: string }) => `vouliez-vous dire \`${p.flag} ${p.match}\` ?`,
  },
  'cli.parse.missing-value': {
    en: (p: { flag: string; options: string[] }) => `${p.flag} needs a value${p.options.length > 0 ? `: one of ${p.options.join(', ')}` : ''}`,
    fr: (p: { flag: string; options: string[] }) => `${p.flag} attend une valeur${p.options.length > 0 ? ` : l'une de ${p.options.join(', ')}` : ''}`,
  },
  'cli.parse.not-an-integer': {
    en: (p: { flag: string; value: string }) => `${p.flag} expects a whole number, not \`${p.value}\``,
    fr: (p: { flag: string; value: string }) => `${p.flag} attend un nombre entier, pas \`${p.value}\``,
  },
  'cli.parse.integer-too-small': {
    en: (p: { flag: string; min: string; value: string }) => `${p.flag} is at least ${p.min}, not ${p.value}`,
    fr: (p: { flag: string; min: string; value: string }) => `${p.flag} vaut au moins ${p.min}, pas ${p.value}`,
  },
  'cli.parse.integer-too-large': {
    en: (p: { flag: string; max: string; value: string }) => `${p.flag} is at most ${p.max}, not ${p.value}`,
    fr: (p: { flag: string; max: string; value: string }) => `${p.flag} vaut au plus ${p.max}, pas ${p.value}`,
  },
  'cli.parse.bad-value': {
    en: (p: { flag: string; detail: string }) => `${p.flag}: ${p.detail}`,
    fr: (p: { flag: string; detail: string }) => `${p.flag} : ${p.detail}`,
  },
  'cli.parse.flag-twice': {
    en: (p: { flag: string }) => `${p.flag} is given twice: give it once`,
    fr: (p: { flag: string }) => `${p.flag} est donné deux fois : donnez-le une seule fois`,
  },
  'cli.parse.missing-flag': {
    en: (p: { flag: string }) => `${p.flag} is required`,
    fr: (p: { flag: string }) => `${p.flag} est obligatoire`,
  },
  'cli.parse.flag-needs': {
    en: (p: { flag: string; needed: string[] }) => `${p.flag} needs ${p.needed.join(' and ')}`,
    fr: (p: { flag: string; needed: string[] }) => `${p.flag} demande ${p.needed.join(' et ')}`,
  },
  'cli.parse.flags-exclusive': {
    en: (p: { flag: string; other: string }) => `${p.flag} cannot be used with ${p.other}`,
    fr: (p: { flag: string; other: string }) => `${p.flag} ne peut pas être utilisé avec ${p.other}`,
  },
  'cli.parse.invalid': {
    en: (p: { detail: string }) => `invalid arguments: ${p.detail}`,
    fr: (p: { detail: string }) => `arguments invalides : ${p.detail}`,
  },
});

/** The help's own words (src/cli/help.ts). DESCRIPTION, ARGUMENTS and VERSION are the same in French. */
const help = defineMessages({
  'cli.help.heading.usage': { en: 'USAGE', fr: 'UTILISATION' },
  'cli.help.heading.flags': { en: 'FLAGS', fr: 'OPTIONS' },
  'cli.help.heading.global-flags': { en: 'GLOBAL FLAGS', fr: 'OPTIONS GLOBALES' },
  'cli.help.heading.examples': { en: 'EXAMPLES', fr: 'EXEMPLES' },
  'cli.help.heading.commands': { en: 'COMMANDS', fr: 'COMMANDES' },
  'cli.help.heading.topics': { en: 'TOPICS', fr: 'SUJETS' },
  'cli.help.heading.flag-descriptions': { en: 'FLAG DESCRIPTIONS', fr: 'DÉTAIL DES OPTIONS' },
  'cli.help.heading.aliases': { en: 'ALIASES', fr: 'ALIAS' },
  'cli.help.default': {
    en: (p: { value: string }) => `default: ${p.value}`,
    fr: (p: { value: string }) => `défaut : ${p.value}`,
  },
  'cli.help.options': {
    en: (p: { values: string }) => `options: ${p.values}`,
    fr: (p: { values: string }) => `valeurs : ${p.values}`,
  },
  'cli.help.required': { en: 'required', fr: 'obligatoire' },
  'cli.help.value': { en: 'value', fr: 'valeur' },
  'cli.help.root.summary': {
    en: 'Author, lint, render and simulate clinical logigrammes (decision flowcharts per stratum of a population pyramid)',
    fr: "Écrire, vérifier, dessiner et simuler des logigrammes cliniques (arbres de décision par strate d'une pyramide de population)",
  },
  'cli.help.root.usage': { en: '[COMMAND]', fr: '[COMMANDE]' },
  'cli.help.root.description': {
    en: "`logi COMMAND --help` (or `logi help COMMAND`) shows a command's flags and examples.\nMessages are in French unless --lang en, LOGI_LANG=en or an English locale (LC_ALL, LC_MESSAGES, LANG) asks for English.\nExit codes: 0 done, no problem; 1 problems found; 2 usage, configuration or internal error.\nShell completion: `logi autocomplete`.",
    fr: "`logi COMMANDE --help` (ou `logi help COMMANDE`) montre les options et des exemples d'une commande.\nLes messages sont en français, sauf si --lang en, LOGI_LANG=en ou une locale anglaise (LC_ALL, LC_MESSAGES, LANG) demande l'anglais.\nCodes de sortie : 0 terminé, aucun problème ; 1 problèmes trouvés ; 2 erreur d'utilisation, de configuration ou interne.\nComplétion dans le shell : `logi autocomplete`.",
  },
  'cli.flag.lang': {
    en: 'language of messages and reports (default: LOGI_LANG, then the locale, then fr)',
    fr: 'langue des messages et des rapports (par défaut : LOGI_LANG, puis la locale, puis fr)',
  },
  'cli.flag.json': { en: 'Format output as json.', fr: 'Sortie au format JSON.' },
});

const progress = defineMessages({
  'cli.progress.working': { en: 'working', fr: 'en cours' },
  'cli.progress.eta': {
    en: (p: { seconds: string }) => `ETA ${p.seconds} s`,
    fr: (p: { seconds: string }) => `reste ${p.seconds} s`,
  },
  'cli.progress.percent': {
    en: (p: { percent: number }) => `${p.percent}%`,
    fr: (p: { percent: number }) => `${p.percent} %`,
  },
});

/** `logi lint`: the engine's own findings, the formatters' words, the command's lines. */
const lint = defineMessages({
  'cli.lint.rule-error': {
    en: (p: { rule: string; error: string }) => `rule \`${p.rule}\` failed on this document: ${p.error}`,
    fr: (p: { rule: string; error: string }) => `la règle \`${p.rule}\` a échoué sur ce document : ${p.error}`,
  },
  'cli.lint.rule-error.hint': {
    en: (p: { rule: string }) => `this is a bug in the rule, not in your file; turn it off meanwhile with \`rules: { ${p.rule}: off }\` in logi.config.yaml`,
    fr: (p: { rule: string }) => `c'est un défaut de la règle, pas de votre fichier ; désactivez-la en attendant avec \`rules: { ${p.rule}: off }\` dans logi.config.yaml`,
  },
  'cli.lint.reserved-check': {
    en: (p: { id: string }) => `\`${p.id}\` is a reserved check: its severity cannot be changed`,
    fr: (p: { id: string }) => `\`${p.id}\` est un contrôle réservé : sa gravité ne peut pas être modifiée`,
  },
  'cli.lint.reserved-check.hint': {
    en: 'remove this line: reserved checks are always errors, fix the finding instead',
    fr: "supprimez cette ligne : les contrôles réservés sont toujours des erreurs, corrigez plutôt ce qu'ils signalent",
  },
  'cli.lint.unknown-rule': {
    en: (p: { id: string }) => `unknown rule \`${p.id}\``,
    fr: (p: { id: string }) => `règle inconnue \`${p.id}\``,
  },
  'cli.lint.see-rules': { en: 'see `logi rules` for the rule ids', fr: 'voir `logi rules` pour les identifiants des règles' },
  'cli.lint.severity.error': { en: 'error', fr: 'erreur' },
  'cli.lint.severity.warning': { en: 'warning', fr: 'avertissement' },
  'cli.lint.severity.info': { en: 'info', fr: 'information' },
  'cli.lint.hint-label': { en: 'hint:', fr: 'conseil :' },
  'cli.lint.frames-stop': {
    en: (p: { rest: number }) => `(code frames stop here: the ${p.rest} more ${enPlural(p.rest, 'finding', 'findings')} of this file ${enPlural(p.rest, 'is', 'are')} listed without one)`,
    fr: (p: { rest: number }) => `(les extraits de code s'arrêtent ici : ${frPlural(p.rest, 'le signalement suivant de ce fichier est listé', `les ${p.rest} signalements suivants de ce fichier sont listés`)} sans extrait)`,
  },
  'cli.lint.problems': {
    en: (p: { total: number; errors: number; warnings: number }) =>
      `✖ ${p.total} ${enPlural(p.total, 'problem', 'problems')} (${p.errors} ${enPlural(p.errors, 'error', 'errors')}, ${p.warnings} ${enPlural(p.warnings, 'warning', 'warnings')})`,
    fr: (p: { total: number; errors: number; warnings: number }) =>
      `✖ ${p.total} ${frPlural(p.total, 'problème', 'problèmes')} (${p.errors} ${frPlural(p.errors, 'erreur', 'erreurs')}, ${p.warnings} ${frPlural(p.warnings, 'avertissement', 'avertissements')})`,
  },
  'cli.lint.fixable': {
    en: (p: { count: number }) => `${p.count} of them ${enPlural(p.count, 'is', 'are')} fixable with \`logi lint --fix\`.`,
    fr: (p: { count: number }) => `${p.count} d'entre eux ${frPlural(p.count, 'peut être corrigé', 'peuvent être corrigés')} avec \`logi lint --fix\`.`,
  },
  'cli.lint.sarif.help': {
    en: (p: { description: string; docs: string }) => `${p.description} See ${p.docs}.`,
    fr: (p: { description: string; docs: string }) => `${p.description} Voir ${p.docs}.`,
  },
  'cli.lint.sarif.help-markdown': {
    en: (p: { description: string; docs: string }) => `${p.description} See [${p.docs}](${p.docs}).`,
    fr: (p: { description: string; docs: string }) => `${p.description} Voir [${p.docs}](${p.docs}).`,
  },
  'cli.lint.fixed': {
    en: (p: { count: number; file: string }) => `fixed ${p.count} ${enPlural(p.count, 'problem', 'problems')} in ${p.file}`,
    fr: (p: { count: number; file: string }) => `${p.count} ${frPlural(p.count, 'problème corrigé', 'problèmes corrigés')} dans ${p.file}`,
  },
  'cli.lint.clean': {
    en: (p: { count: number }) => `✔ ${p.count} ${enPlural(p.count, 'file', 'files')} checked, no problems.`,
    fr: (p: { count: number }) => `✔ ${p.count} ${frPlural(p.count, 'fichier vérifié', 'fichiers vérifiés')}, aucun problème.`,
  },
  'cli.lint.too-many-warnings': {
    en: (p: { count: number; max: number }) => `✖ ${p.count} ${enPlural(p.count, 'warning', 'warnings')}: more than --max-warnings ${p.max}.`,
    fr: (p: { count: number; max: number }) => `✖ ${p.count} ${frPlural(p.count, 'avertissement', 'avertissements')} : plus que --max-warnings ${p.max}.`,
  },
  'cli.lint.too-many-warnings.short': {
    en: (p: { count: number; max: number }) => `${p.count} ${enPlural(p.count, 'warning', 'warnings')}, more than --max-warnings ${p.max}`,
    fr: (p: { count: number; max: number }) => `${p.count} ${frPlural(p.count, 'avertissement', 'avertissements')}, plus que --max-warnings ${p.max}`,
  },
  'cli.lint.stdin-needs-filename': {
    en: '--stdin needs --stdin-filename: the path of the file the text stands for, in its workspace',
    fr: '--stdin demande --stdin-filename : le chemin du fichier que le texte représente, dans son espace de travail',
  },
  'cli.lint.stdin-needs-filename.hint': {
    en: 'e.g. `logi lint --stdin --stdin-filename logigrammes/s1.yaml < s1.yaml`',
    fr: 'par exemple `logi lint --stdin --stdin-filename logigrammes/s1.yaml < s1.yaml`',
  },
  'cli.lint.stdin-and-paths': {
    en: (p: { paths: string[] }) => `--stdin lints standard input only, not ${p.paths.join(', ')}`,
    fr: (p: { paths: string[] }) => `--stdin ne vérifie que l'entrée standard, pas ${p.paths.join(', ')}`,
  },
  'cli.lint.stdin-and-paths.hint': {
    en: 'give the file that standard input stands for with --stdin-filename, and no path',
    fr: "donnez le fichier que représente l'entrée standard avec --stdin-filename, et aucun chemin",
  },
});

/** The lines of `logi report`, `logi rules`, `logi simulate` and `logi render`. */
const commandOutput = defineMessages({
  'cli.report.wrote': {
    en: (p: { out: string; charts: number }) => `✔ wrote the report to ${p.out}${p.charts > 0 ? ` (and ${p.charts} charts beside it)` : ''}: open it in a browser`,
    fr: (p: { out: string; charts: number }) => `✔ rapport écrit dans ${p.out}${p.charts > 0 ? ` (et ${p.charts} graphiques à côté)` : ''} : ouvrez-le dans un navigateur`,
  },
  'cli.rules.group.rule': { en: 'Rules:', fr: 'Règles :' },
  'cli.rules.group.suppression': { en: 'Suppression comments:', fr: 'Commentaires de suppression :' },
  'cli.rules.group.reserved': { en: 'Reserved checks (always errors):', fr: 'Contrôles réservés (toujours des erreurs) :' },
  'cli.rules.yes': { en: 'yes', fr: 'oui' },
  'cli.rules.footer': {
    en: (p: { presets: string[] }) => `Presets: ${p.presets.join(', ')}. Documentation: docs/rules/<id>.md.`,
    fr: (p: { presets: string[] }) => `Jeux de règles : ${p.presets.join(', ')}. Documentation : docs/rules/<id>.md.`,
  },
  'cli.simulate.not-a-size': {
    en: (p: { value: string }) => `--max-memory ${p.value} is not a size`,
    fr: (p: { value: string }) => `--max-memory ${p.value} n'est pas une taille`,
  },
  'cli.simulate.not-a-size.hint': {
    en: 'write it as 4GB, 512MB or 1.5G (binary units: 1 GB = 2³⁰ bytes)',
    fr: 'écrivez-la 4GB, 512MB ou 1.5G (unités binaires : 1 GB = 2³⁰ octets)',
  },
  'cli.simulate.report-needs-out': {
    en: '--report writes the report into the --out folder: give one',
    fr: '--report écrit le rapport dans le dossier --out : donnez-en un',
  },
  'cli.simulate.report-needs-out.hint': {
    en: 'e.g. `logi simulate pionniers-dt2-2026 --out out/dt2 --report`',
    fr: 'par exemple `logi simulate pionniers-dt2-2026 --out out/dt2 --report`',
  },
  'cli.simulate.fix-errors.hint': {
    en: 'fix the errors above; `logi lint` shows them with their context',
    fr: 'corrigez les erreurs ci-dessus ; `logi lint` les montre dans leur contexte',
  },
  'cli.simulate.wrote': {
    en: (p: { first: string; last: string }) => (p.first ? `✔ wrote ${p.first} and ${p.last}` : `✔ wrote ${p.last}`),
    fr: (p: { first: string; last: string }) => (p.first ? `✔ écrits : ${p.first} et ${p.last}` : `✔ écrit : ${p.last}`),
  },
  'cli.simulate.open-report': {
    en: (p: { path: string }) => `  open the report in a browser: ${p.path}`,
    fr: (p: { path: string }) => `  ouvrez le rapport dans un navigateur : ${p.path}`,
  },
  'cli.simulate.use-out': {
    en: 'Use --out DIR to write results.json and summary.csv.',
    fr: 'Ajoutez --out DOSSIER pour écrire results.json et summary.csv.',
  },
  'cli.render.wrote.mmd': {
    en: (p: { count: number; out: string }) => `✔ wrote ${p.count} ${enPlural(p.count, 'Mermaid file', 'Mermaid files')} to ${p.out}`,
    fr: (p: { count: number; out: string }) => `✔ ${p.count} ${frPlural(p.count, 'fichier Mermaid écrit', 'fichiers Mermaid écrits')} dans ${p.out}`,
  },
  'cli.render.wrote.md': {
    en: (p: { count: number; out: string }) => `✔ wrote ${p.count} ${enPlural(p.count, 'memo sheet', 'memo sheets')} to ${p.out}`,
    fr: (p: { count: number; out: string }) => `✔ ${p.count} ${frPlural(p.count, 'fiche mémo écrite', 'fiches mémo écrites')} dans ${p.out}`,
  },
  'cli.render.wrote.svg': {
    en: (p: { count: number; out: string }) => `✔ wrote ${p.count} ${enPlural(p.count, 'SVG diagram', 'SVG diagrams')} to ${p.out}`,
    fr: (p: { count: number; out: string }) => `✔ ${p.count} ${frPlural(p.count, 'schéma SVG écrit', 'schémas SVG écrits')} dans ${p.out}`,
  },
  'cli.render.wrote.png': {
    en: (p: { count: number; out: string }) => `✔ wrote ${p.count} ${enPlural(p.count, 'PNG diagram', 'PNG diagrams')} to ${p.out}`,
    fr: (p: { count: number; out: string }) => `✔ ${p.count} ${frPlural(p.count, 'schéma PNG écrit', 'schémas PNG écrits')} dans ${p.out}`,
  },
  'cli.render.wrote.pdf': {
    en: (p: { count: number; out: string; paper: string }) => `✔ wrote ${p.count} ${enPlural(p.count, `${p.paper} PDF memo sheet`, `${p.paper} PDF memo sheets`)} to ${p.out}`,
    fr: (p: { count: number; out: string; paper: string }) => `✔ ${p.count} ${frPlural(p.count, `fiche mémo PDF ${p.paper} écrite`, `fiches mémo PDF ${p.paper} écrites`)} dans ${p.out}`,
  },
  'cli.render.wrote.pyramid': {
    en: (p: { count: number; out: string }) => `✔ wrote ${p.count} ${enPlural(p.count, 'pyramid', 'pyramids')} to ${p.out}`,
    fr: (p: { count: number; out: string }) => `✔ ${p.count} ${frPlural(p.count, 'pyramide écrite', 'pyramides écrites')} dans ${p.out}`,
  },
  'cli.render.with-browser': {
    en: (p: { source: string; path: string }) => ` (${p.source} browser ${p.path})`,
    fr: (p: { source: string; path: string }) => ` (navigateur ${p.source} : ${p.path})`,
  },
  'cli.render.browser-source.flag': { en: 'flag', fr: 'de --browser' },
  'cli.render.browser-source.env': { en: 'PUPPETEER_EXECUTABLE_PATH', fr: 'de PUPPETEER_EXECUTABLE_PATH' },
  'cli.render.browser-source.cache': { en: 'puppeteer cache', fr: 'du cache de puppeteer' },
  'cli.render.browser-source.system': { en: 'system', fr: 'du système' },
  'cli.render.input-errors': {
    en: (p: { count: number }) => `the input has ${p.count} ${enPlural(p.count, 'error', 'errors')}: nothing was written`,
    fr: (p: { count: number }) => `l'entrée a ${p.count} ${frPlural(p.count, 'erreur', 'erreurs')} : rien n'a été écrit`,
  },
  'cli.render.input-errors.hint': {
    en: 'fix them first; `logi lint` shows them with their context',
    fr: "corrigez-les d'abord ; `logi lint` les montre dans leur contexte",
  },
  'cli.render.no-logigramme': { en: 'no logigramme found in the given paths', fr: 'aucun logigramme dans les chemins donnés' },
  'cli.render.no-logigramme.hint': {
    en: 'give a folder or file that holds `kind: Logigramme` documents',
    fr: 'donnez un dossier ou un fichier qui contient des documents `kind: Logigramme`',
  },
  'cli.render.browser-start-failed': {
    en: (p: { path: string; source: string; message: string }) => `could not start the browser at ${p.path} (${p.source}): ${p.message}`,
    fr: (p: { path: string; source: string; message: string }) => `impossible de démarrer le navigateur ${p.path} (${p.source}) : ${p.message}`,
  },
  'cli.render.browser-start-failed.hint': {
    en: 'check that it runs (`chromium --version`), or choose another with --browser PATH',
    fr: "vérifiez qu'il fonctionne (`chromium --version`), ou choisissez-en un autre avec --browser CHEMIN",
  },
  'cli.render.diagram-failed': {
    en: (p: { file: string; message: string; dir: string }) => `${p.file}: ${p.message}; nothing was written, ${p.dir} is as it was`,
    fr: (p: { file: string; message: string; dir: string }) => `${p.file} : ${p.message} ; rien n'a été écrit, ${p.dir} est inchangé`,
  },
  'cli.render.no-pyramid': {
    en: (p: { id: string }) => `no pyramid \`${p.id}\` in the workspace`,
    fr: (p: { id: string }) => `aucune pyramide \`${p.id}\` dans l'espace de travail`,
  },
  'cli.render.known-pyramids': {
    en: (p: { ids: string[] }) => `known pyramids: ${p.ids.join(', ') || 'none'}`,
    fr: (p: { ids: string[] }) => `pyramides connues : ${p.ids.join(', ') || 'aucune'}`,
  },
  'cli.render.no-territory': {
    en: (p: { id: string }) => `no territory \`${p.id}\` in the workspace`,
    fr: (p: { id: string }) => `aucun territoire \`${p.id}\` dans l'espace de travail`,
  },
  'cli.render.known-territories': {
    en: (p: { ids: string[] }) => `known territories: ${p.ids.join(', ') || 'none'}`,
    fr: (p: { ids: string[] }) => `territoires connus : ${p.ids.join(', ') || 'aucun'}`,
  },
  'cli.render.no-territory-counts': {
    en: (p: { pyramid: string }) => `no territory counts pyramid \`${p.pyramid}\``,
    fr: (p: { pyramid: string }) => `aucun territoire ne dénombre la pyramide \`${p.pyramid}\``,
  },
  'cli.render.no-territory-counts.hint': {
    en: 'add `pyramids: { <id>: { counts: … } }` to a territory',
    fr: 'ajoutez `pyramids: { <id>: { counts: … } }` à un territoire',
  },
  'cli.render.territory-lacks-pyramid': {
    en: (p: { territory: string; pyramid: string }) => `territory \`${p.territory}\` has no counts for pyramid \`${p.pyramid}\``,
    fr: (p: { territory: string; pyramid: string }) => `le territoire \`${p.territory}\` n'a pas d'effectifs pour la pyramide \`${p.pyramid}\``,
  },
  'cli.render.it-counts': {
    en: (p: { pyramids: string[] }) => `it counts: ${p.pyramids.join(', ')}`,
    fr: (p: { pyramids: string[] }) => `il dénombre : ${p.pyramids.join(', ')}`,
  },
});

/** Help texts of `logi lint`, `logi init`, `logi rules`, `logi version`. */
const lintAndSmallCommands = defineMessages({
  'cli.command.lint.summary': {
    en: 'Check logigrammes, pyramids, territories, programs and scenarios.',
    fr: 'Vérifier les logigrammes, pyramides, territoires, programmes et scénarios.',
  },
  'cli.command.lint.description': {
    en: "Loads the workspace (the folder holding logi.config.yaml, found upward from the paths or the current folder), checks YAML syntax, the schema of every document and the references between documents, then runs the lint rules (see `logi rules`).\n\nSilence one finding with a comment on the line above it: `# logi-disable-next-line <rule> -- <reason>`, or a whole file with `# logi-disable-file <rule> -- <reason>`.\n\nWith --stdin, lints standard input as the file --stdin-filename of its workspace (an editor's unsaved buffer). With -o FILE, writes the report to FILE and prints only the summary.\n\nExit codes: 0 clean (warnings allowed), 1 errors found (or more warnings than --max-warnings), 2 usage error, configuration error (logi.config.yaml) or unreadable input.",
    fr: "Charge l'espace de travail (le dossier qui contient logi.config.yaml, cherché en remontant depuis les chemins donnés ou le dossier courant), vérifie la syntaxe YAML, le schéma de chaque document et les références entre documents, puis applique les règles (voir `logi rules`).\n\nPour taire un signalement, écrivez un commentaire sur la ligne au-dessus : `# logi-disable-next-line <règle> -- <raison>`, ou pour tout un fichier : `# logi-disable-file <règle> -- <raison>`.\n\nAvec --stdin, vérifie l'entrée standard comme le fichier --stdin-filename de son espace de travail (le texte non enregistré d'un éditeur). Avec -o FICHIER, écrit le rapport dans FICHIER et n'affiche que le résumé.\n\nCodes de sortie : 0 aucun problème (avertissements permis), 1 erreurs trouvées (ou plus d'avertissements que --max-warnings), 2 erreur d'utilisation, erreur de configuration (logi.config.yaml) ou fichier illisible.",
  },
  'cli.command.lint.example.0': { en: 'Lint the whole workspace of the current folder', fr: "Vérifier tout l'espace de travail du dossier courant" },
  'cli.command.lint.example.1': {
    en: 'Lint the bundled guidelines and simulations with every rule as an error',
    fr: 'Vérifier les recommandations et les simulations fournies, chaque règle en erreur',
  },
  'cli.command.lint.example.2': { en: 'Rewrite what can be fixed (comments and layout are kept)', fr: "Corriger ce qui peut l'être (commentaires et mise en page conservés)" },
  'cli.command.lint.example.3': { en: 'Annotations on a GitHub pull request', fr: 'Annotations sur une pull request GitHub' },
  'cli.command.lint.example.4': { en: 'A SARIF file for code scanning', fr: "Un fichier SARIF pour l'analyse de code" },
  'cli.command.lint.example.5': {
    en: "Lint an editor's unsaved buffer as the file it will be saved to",
    fr: "Vérifier le texte non enregistré d'un éditeur comme le fichier où il sera enregistré",
  },
  'cli.command.lint.arg.paths': { en: 'files or folders to lint (default: the workspace)', fr: "fichiers ou dossiers à vérifier (par défaut : l'espace de travail)" },
  'cli.command.lint.flag.format': { en: 'output format', fr: 'format de sortie' },
  'cli.command.lint.flag.preset': {
    en: 'rule preset, instead of `extends` in logi.config.yaml',
    fr: 'jeu de règles, à la place de `extends` dans logi.config.yaml',
  },
  'cli.command.lint.flag.max-warnings': {
    en: 'exit with 1 when there are more warnings than this (-1: no limit)',
    fr: "sortir avec le code 1 au-delà de ce nombre d'avertissements (-1 : sans limite)",
  },
  'cli.command.lint.flag.quiet': {
    en: 'report errors only: warnings are neither shown nor counted',
    fr: 'les erreurs seulement : les avertissements ne sont ni affichés ni comptés',
  },
  'cli.command.lint.flag.fix': {
    en: 'rewrite the files to fix what can be fixed, then report what remains',
    fr: "réécrire les fichiers pour corriger ce qui peut l'être, puis signaler ce qui reste",
  },
  'cli.command.lint.flag.output-file': {
    en: 'write the report to this file (atomically) and print only the summary',
    fr: "écrire le rapport dans ce fichier (d'un seul coup) et n'afficher que le résumé",
  },
  'cli.command.lint.flag.stdin': { en: 'lint standard input (with --stdin-filename)', fr: "vérifier l'entrée standard (avec --stdin-filename)" },
  'cli.command.lint.flag.stdin-filename': {
    en: 'the file standard input stands for: its name, its kind and its workspace',
    fr: "le fichier que représente l'entrée standard : son nom, son type et son espace de travail",
  },
  'cli.command.lint.flag.color': {
    en: 'colour the stylish output, or not (--no-color); default: when stdout is a terminal and NO_COLOR is not set; FORCE_COLOR=1 or 0 overrides both',
    fr: "colorer la sortie stylish, ou non (--no-color) ; par défaut : quand la sortie est un terminal et que NO_COLOR n'est pas défini ; FORCE_COLOR=1 ou 0 l'emporte sur les deux",
  },
  'cli.command.init.summary': {
    en: 'Create a small workspace that lints clean: config, pyramid, logigramme, actors, territory, programs, scenario.',
    fr: 'Créer un petit espace de travail sans erreur : configuration, pyramide, logigramme, acteurs, territoire, programmes, scénario.',
  },
  'cli.command.init.description': {
    en: 'Every file starts with a `# yaml-language-server: $schema=…` line, so editors with the YAML extension complete and check keys as you type. Existing files are never overwritten unless --force is given.',
    fr: "Chaque fichier commence par une ligne `# yaml-language-server: $schema=…`, pour que les éditeurs dotés de l'extension YAML complètent et vérifient les clés pendant la saisie. Les fichiers existants ne sont jamais écrasés, sauf avec --force.",
  },
  'cli.command.init.example.0': { en: 'Scaffold a workspace in a new folder, then lint it', fr: 'Créer un espace de travail dans un nouveau dossier, puis le vérifier' },
  'cli.command.init.example.1': { en: 'Scaffold in the current folder', fr: 'Créer dans le dossier courant' },
  'cli.command.init.arg.directory': { en: 'folder to create or fill', fr: 'dossier à créer ou à remplir' },
  'cli.command.init.flag.force': { en: 'overwrite files that already exist', fr: 'écraser les fichiers qui existent déjà' },
  'cli.command.rules.summary': {
    en: 'List every lint rule: description, default severity, whether --fix fixes it.',
    fr: 'Lister toutes les règles de vérification : description, gravité par défaut, correction par --fix ou non.',
  },
  'cli.command.rules.description': {
    en: 'Lists every check that `logi lint` can report, in three groups: the rules (their severity can be set in logi.config.yaml under `rules:`), the checks of suppression comments, and the reserved checks of the loader (always errors). "recommended" is the default severity, "strict" the severity in the strict preset. Each rule is documented in docs/rules/<id>.md.',
    fr: 'Liste tous les contrôles que `logi lint` peut signaler, en trois groupes : les règles (leur gravité se règle dans logi.config.yaml sous `rules:`), les contrôles des commentaires de suppression, et les contrôles réservés du chargement (toujours des erreurs). « recommended » est la gravité par défaut, « strict » la gravité dans le jeu de règles strict. Chaque règle est documentée dans docs/rules/<id>.md.',
  },
  'cli.command.rules.example.0': { en: 'The rules, as a table', fr: 'Les règles, en tableau' },
  'cli.command.rules.example.1': {
    en: 'Machine-readable, with kinds of document and documentation paths',
    fr: 'Pour un programme, avec les types de document et les chemins de la documentation',
  },
  'cli.command.rules.example.2': { en: 'Only the rules that --fix can fix', fr: 'Seulement les règles que --fix sait corriger' },
  'cli.command.rules.flag.fixable': { en: 'only the rules that `logi lint --fix` fixes', fr: 'seulement les règles que `logi lint --fix` corrige' },
  'cli.command.version.summary': {
    en: 'Print the version of logi, of Node.js and the platform.',
    fr: 'Afficher la version de logi, celle de Node.js et la plateforme.',
  },
  'cli.command.version.description': {
    en: 'The same line as `logi --version` and `logi -v`: the package, its version, the platform and the version of Node.js. With --json, the same facts as an object.',
    fr: 'La même ligne que `logi --version` et `logi -v` : le paquet, sa version, la plateforme et la version de Node.js. Avec --json, les mêmes informations sous forme d\'objet.',
  },
  'cli.command.version.example.0': { en: 'The version, as one line', fr: 'La version, sur une ligne' },
  'cli.command.version.example.1': { en: 'For a script or a bug report', fr: 'Pour un script ou un rapport de bogue' },
});

/** Help texts of `logi report`, `logi simulate`, `logi render`. */
const simulationCommands = defineMessages({
  'cli.command.report.summary': {
    en: 'Write the report of a simulation: a self-contained HTML page (or Markdown) with charts, the territories compared and the logigrammes with their simulated counts.',
    fr: "Écrire le rapport d'une simulation : une page HTML autonome (ou du Markdown) avec graphiques, les territoires comparés et les logigrammes avec leurs effectifs simulés.",
  },
  'cli.command.report.description': {
    en: 'RESULTS is the results.json that `logi simulate … --out DIR` wrote. The report needs nothing else: no workspace, no browser, no network (--sensitivity and --sweep add the charts of `logi sensitivity` and `logi sweep`).\n\nFirst the decision: net cost, costs averted, events averted, QALYs or life-years, FTE against the workforce, the ICER and the probability of being cost-effective, the cost-effectiveness plane and the acceptability curve. Then, per territory (and for all of them together): the pyramid at the start and at the horizon, each stratum over time with its 95 % band, events averted, working time per profession, FTE demand against the workforce (shortfalls flagged), volumes per action, costs. Then the territories side by side per 100,000 inhabitants (the reproducibility view), each logigramme with the mean number of people per step and branch, and the manifest (version, seed, iterations, inputs and their SHA-256).\n\nhtml is one file: CSS inline, charts as inline SVG drawn in Node, no script, a Content-Security-Policy that forbids any request. md writes the same content as Markdown, with the charts as SVG files in a folder beside it (REPORT-charts/).',
    fr: "RESULTS est le results.json écrit par `logi simulate … --out DIR`. Le rapport n'a besoin de rien d'autre : ni espace de travail, ni navigateur, ni réseau (--sensitivity et --sweep ajoutent les graphiques de `logi sensitivity` et `logi sweep`).\n\nD'abord la décision : coût net, coûts évités, événements évités, QALY ou années de vie, ETP face aux effectifs, le RDCR et la probabilité d'être coût-efficace, le plan coût-efficacité et la courbe d'acceptabilité. Puis, par territoire (et pour tous ensemble) : la pyramide au départ et à l'horizon, chaque strate au fil du temps avec sa bande à 95 %, les événements évités, le temps de travail par profession, les ETP nécessaires face aux effectifs disponibles (manques signalés), les volumes par action, les coûts. Puis les territoires côte à côte pour 100 000 habitants (la vue de reproductibilité), chaque logigramme avec le nombre moyen de personnes par étape et par branche, et le manifeste (version, graine, itérations, fichiers d'entrée et leur SHA-256).\n\nhtml est un seul fichier : CSS intégré, graphiques en SVG intégré dessinés dans Node, aucun script, une Content-Security-Policy qui interdit toute requête. md écrit le même contenu en Markdown, avec les graphiques en fichiers SVG dans un dossier à côté (REPORT-charts/).",
  },
  'cli.command.report.example.0': { en: 'The report of a simulation, in French, next to its results', fr: "Le rapport d'une simulation, en français, à côté de ses résultats" },
  'cli.command.report.example.1': { en: 'In English, as Markdown', fr: 'En anglais, en Markdown' },
  'cli.command.report.example.2': { en: 'Simulate and report in one go', fr: "Simuler et écrire le rapport d'un coup" },
  'cli.command.report.arg.results': { en: 'the results.json written by `logi simulate --out`', fr: 'le results.json écrit par `logi simulate --out`' },
  'cli.command.report.flag.format': {
    en: 'html: one self-contained page; md: Markdown with its charts beside it',
    fr: 'html : une page autonome ; md : du Markdown avec ses graphiques à côté',
  },
  'cli.command.report.flag.out': {
    en: 'file to write (default: report.html or report.md beside RESULTS)',
    fr: 'fichier à écrire (par défaut : report.html ou report.md à côté de RESULTS)',
  },
  'cli.command.simulate.summary': {
    en: 'Run the Monte Carlo simulation of a scenario: strata year by year, action volumes, workforce and cost, baseline against program.',
    fr: "Lancer la simulation Monte-Carlo d'un scénario : strates année par année, volumes d'actions, effectifs et coûts, parcours habituel face au programme.",
  },
  'cli.command.simulate.description': {
    en: 'SCENARIO is a scenario id of the workspace, or the YAML file that holds it. Each iteration draws every parameter once (shared by all territories and both arms), then runs the stochastic cohort model of each territory for the baseline (usual care) and the program with common random numbers. Results are the same, byte for byte, for the same inputs and seed, whatever the number of workers. See docs/simulation.md for the method.\n\nExit codes: 0 done; 2 invalid input (the workspace does not lint clean, or a parameter is invalid: the message names it, its file:line and the iteration).',
    fr: "SCENARIO est l'identifiant d'un scénario de l'espace de travail, ou le fichier YAML qui le contient. Chaque itération tire chaque paramètre une fois (le même pour tous les territoires et les deux bras), puis fait tourner le modèle de cohorte stochastique de chaque territoire pour le parcours habituel (baseline) et pour le programme, avec des nombres aléatoires communs. Les résultats sont identiques, octet pour octet, pour les mêmes entrées et la même graine, quel que soit le nombre de workers. La méthode est décrite dans docs/simulation.md.\n\nCodes de sortie : 0 terminé ; 2 entrée invalide (l'espace de travail a des erreurs, ou un paramètre est invalide : le message le nomme, avec son fichier:ligne et l'itération).",
  },
  'cli.command.simulate.example.0': { en: 'Simulate the bundled diabetes scenario and write the results', fr: 'Simuler le scénario diabète fourni et écrire les résultats' },
  'cli.command.simulate.example.1': { en: 'A quick run with fewer iterations', fr: "Un essai rapide avec moins d'itérations" },
  'cli.command.simulate.example.2': {
    en: 'The exact reference: parameters at their means, expected counts',
    fr: 'La référence exacte : paramètres à leur moyenne, effectifs attendus',
  },
  'cli.command.simulate.example.3': { en: 'With the HTML report (open out/dt2/report.html)', fr: 'Avec le rapport HTML (ouvrez out/dt2/report.html)' },
  'cli.command.simulate.example.4': {
    en: 'Refuse, before starting, a run that would need more than 2 GB',
    fr: 'Refuser, avant de commencer, une simulation qui demanderait plus de 2 Go',
  },
  'cli.command.simulate.example.5': { en: 'CSV for a French spreadsheet', fr: 'Un CSV pour un tableur français' },
  'cli.command.simulate.example.6': {
    en: 'Every iteration\'s parameters and costs, life-years and QALYs, for R or Python',
    fr: 'Les paramètres et les coûts, années de vie et QALY de chaque itération, pour R ou Python',
  },
  'cli.command.simulate.arg.scenario': { en: 'scenario id, or the YAML file holding the scenario', fr: 'identifiant du scénario, ou le fichier YAML qui le contient' },
  'cli.command.simulate.flag.iterations': { en: "Monte Carlo iterations (default: the scenario's)", fr: 'itérations Monte-Carlo (par défaut : celles du scénario)' },
  'cli.command.simulate.flag.seed': { en: "seed of every random stream (default: the scenario's)", fr: 'graine de tous les flux aléatoires (par défaut : celle du scénario)' },
  'cli.command.simulate.flag.mode': {
    en: 'stochastic: parameter draws and count noise; psa: parameter draws, expected counts; expected: means, one iteration',
    fr: 'stochastic : tirage des paramètres et bruit des effectifs ; psa : tirage des paramètres, effectifs attendus ; expected : moyennes, une itération',
  },
  'cli.command.simulate.flag.workers': {
    en: 'worker threads (default and at most: the number of cores)',
    fr: "fils d'exécution (par défaut et au plus : le nombre de cœurs)",
  },
  'cli.command.simulate.flag.max-memory': {
    en: 'memory the run may take, e.g. 4GB or 512MB (default: what the machine has available); a run estimated above it is refused before it starts',
    fr: 'mémoire que la simulation peut prendre, par exemple 4GB ou 512MB (par défaut : ce que la machine a de disponible) ; une simulation estimée au-delà est refusée avant de commencer',
  },
  'cli.command.simulate.flag.horizon': { en: "years to simulate (default: the scenario's)", fr: 'années à simuler (par défaut : celles du scénario)' },
  'cli.command.simulate.flag.out': { en: 'folder to write results.json and summary.csv into', fr: 'dossier où écrire results.json et summary.csv' },
  'cli.command.simulate.flag.report': { en: 'also write the HTML report (report.html) into --out', fr: 'écrire aussi le rapport HTML (report.html) dans --out' },
  'cli.command.simulate.flag.draws': {
    en: 'also write each iteration\'s drawn parameters and valuation (costs, life-years, QALYs) to this CSV file (docs/economics.md)',
    fr: 'écrire aussi les paramètres tirés et la valorisation (coûts, années de vie, QALY) de chaque itération dans ce fichier CSV (docs/economics.md)',
  },
  'cli.command.simulate.flag.csv-delimiter': {
    en: 'CSV delimiter; `;` also writes decimal commas, for French spreadsheets',
    fr: 'séparateur du CSV ; `;` écrit aussi des virgules décimales, pour les tableurs français',
  },
  'cli.command.render.summary': {
    en: 'Render logigrammes as Mermaid text, memo sheets, SVG, PNG or A4 PDF; or a territory pyramid as SVG.',
    fr: "Dessiner les logigrammes en texte Mermaid, fiches mémo, SVG, PNG ou PDF A4 ; ou la pyramide d'un territoire en SVG.",
  },
  'cli.command.render.description': {
    en: "Writes one file per logigramme found in the given files or folders (default: the workspace), named after its id:\n  mmd  deterministic Mermaid flowchart text, every label quoted and escaped\n  md   the memo sheet (fiche mémo) in Markdown: diagram, table of actions, sources\n  svg  the diagram as a standalone SVG (no script, no event attribute, labels as plain text)\n  png  the diagram as a PNG at twice the screen density\n  pdf  the memo sheet on A4: title, stratum, diagram, actor legend, table of actions, sources; portrait or landscape, over several pages when the diagram's text would otherwise print below 7 pt\n\nsvg, png and pdf use one headless Chromium and one page for the whole batch, found from --browser, PUPPETEER_EXECUTABLE_PATH, puppeteer's cache, then the system's Chromium or Chrome.\n\nWith --pyramid, draws that pyramid for --territory (or for every territory that counts it) as an SVG of stacked strata, widths by count, with counts and percentages; no browser needed.\n\nThe workspace must lint clean (errors are printed, exit 2). DIR is written as a whole: the files go into a temporary folder beside it, which replaces DIR only once every file is drawn, so DIR holds either its previous files or all of the new ones, never a mix. logi refuses to replace a DIR that holds files it did not write (exit 2). A diagram whose Mermaid text exceeds 50,000 characters, or that the browser cannot draw, stops the batch (exit 2) and DIR is left as it was.",
    fr: "Écrit un fichier par logigramme trouvé dans les fichiers ou dossiers donnés (par défaut : l'espace de travail), nommé d'après son identifiant :\n  mmd  le texte Mermaid du logigramme, déterministe, chaque libellé entre guillemets et échappé\n  md   la fiche mémo en Markdown : schéma, tableau des actions, sources\n  svg  le schéma en SVG autonome (sans script, sans attribut d'événement, libellés en texte simple)\n  png  le schéma en PNG, à deux fois la densité de l'écran\n  pdf  la fiche mémo en A4 : titre, strate, schéma, légende des acteurs, tableau des actions, sources ; en portrait ou en paysage, sur plusieurs pages si le texte du schéma serait sinon imprimé sous 7 pt\n\nsvg, png et pdf utilisent un seul Chromium sans interface et une seule page pour tout le lot, trouvé par --browser, PUPPETEER_EXECUTABLE_PATH, le cache de puppeteer, puis le Chromium ou Chrome du système.\n\nAvec --pyramid, dessine cette pyramide pour --territory (ou pour chaque territoire qui la dénombre) en SVG de strates empilées, largeurs selon les effectifs, avec effectifs et pourcentages ; aucun navigateur n'est nécessaire.\n\nL'espace de travail doit être sans erreur (les erreurs sont affichées, code 2). DIR est écrit d'un bloc : les fichiers vont dans un dossier temporaire à côté, qui ne remplace DIR qu'une fois chaque fichier dessiné ; DIR contient donc soit ses fichiers précédents, soit tous les nouveaux, jamais un mélange. logi refuse de remplacer un DIR qui contient des fichiers qu'il n'a pas écrits (code 2). Un schéma dont le texte Mermaid dépasse 50 000 caractères, ou que le navigateur ne sait pas dessiner, arrête le lot (code 2) et DIR reste tel qu'il était.",
  },
  'cli.command.render.example.0': { en: 'Every bundled logigramme as SVG', fr: 'Tous les logigrammes fournis en SVG' },
  'cli.command.render.example.1': { en: 'A4 PDF memo sheets of the diabetes logigrammes', fr: 'Les fiches mémo PDF A4 des logigrammes du diabète' },
  'cli.command.render.example.2': { en: 'Mermaid text of one logigramme', fr: "Le texte Mermaid d'un logigramme" },
  'cli.command.render.example.3': { en: "The Douaisis' diabetes pyramid", fr: 'La pyramide du diabète du Douaisis' },
  'cli.command.render.example.4': { en: 'With a browser of your choice', fr: 'Avec le navigateur de votre choix' },
  'cli.command.render.arg.paths': {
    en: 'files or folders holding logigrammes (default: the workspace)',
    fr: "fichiers ou dossiers contenant des logigrammes (par défaut : l'espace de travail)",
  },
  'cli.command.render.flag.format': { en: 'output format', fr: 'format de sortie' },
  'cli.command.render.flag.out': { en: 'folder to write into', fr: 'dossier où écrire' },
  'cli.command.render.flag.browser': {
    en: 'Chromium or Chrome executable for svg, png and pdf (default: found automatically)',
    fr: 'exécutable Chromium ou Chrome pour svg, png et pdf (par défaut : trouvé automatiquement)',
  },
  'cli.command.render.flag.pyramid': {
    en: 'draw this pyramid (id) as an SVG for --territory instead of rendering logigrammes',
    fr: 'dessiner cette pyramide (identifiant) en SVG pour --territory, au lieu des logigrammes',
  },
  'cli.command.render.flag.paper': {
    en: 'paper of the PDF memo sheets: a4 (portrait, landscape or several pages, text at least 7 pt) or a3',
    fr: 'papier des fiches mémo PDF : a4 (portrait, paysage ou plusieurs pages, texte d\'au moins 7 pt) ou a3',
  },
  'cli.render.warning': {
    en: (p: { file: string; message: string }) => `warning: ${p.file}: ${p.message}`,
    fr: (p: { file: string; message: string }) => `avertissement : ${p.file} : ${p.message}`,
  },
  'cli.command.render.flag.territory': {
    en: 'territory (id) whose counts the pyramid shows; every territory that counts it when omitted',
    fr: "territoire (identifiant) dont la pyramide montre les effectifs ; chaque territoire qui la dénombre s'il est omis",
  },
});

/**
 * Help texts of the commands of oclif's plugins (`help`, `autocomplete`). Their English is the
 * plugin's own static text (a test compares them), the French is logi's. (`logi preview` keeps
 * its texts in src/i18n/messages/preview.ts, under the same `cli.command.<id>.` ids.)
 */
const otherCommands = defineMessages({
  'cli.command.help.summary': { en: 'Display help for <%= config.bin %>.', fr: "Afficher l'aide de <%= config.bin %>." },
  'cli.command.help.arg.command': { en: 'Command to show help for.', fr: "Commande dont afficher l'aide." },
  'cli.command.help.flag.nested-commands': { en: 'Include all nested commands in the output.', fr: 'Inclure toutes les sous-commandes.' },
  'cli.command.autocomplete.summary': { en: 'Display autocomplete installation instructions.', fr: "Afficher les instructions d'installation de la complétion automatique." },
  'cli.command.autocomplete.arg.shell': { en: 'Shell type', fr: 'Type de shell' },
  'cli.command.autocomplete.flag.refresh-cache': { en: 'Refresh cache (ignores displaying instructions)', fr: 'Rafraîchir le cache (sans afficher les instructions)' },
});

/** Help texts of `logi synth` (src/commands/synth.ts). */
const synthCommand = defineMessages({
  'cli.command.synth.summary': {
    en: "Generate a synthetic patient population for a territory: the tables `logi stratify` reads, with exactly the territory's counts per stratum.",
    fr: 'Générer une population synthétique de patients pour un territoire : les tables que lit `logi stratify`, avec exactement les effectifs par strate du territoire.',
  },
  'cli.command.synth.description': {
    en: "TERRITORY is a territory id of the workspace. Writes `population` patients into DIR (patients, diagnoses, dispensations, labs, stays, acts; Parquet or CSV), of whom, for every pyramid the territory counts (or the one given with --pyramid), exactly `counts[stratum]` fall in each stratum by the pyramid's executable criteria, the rest outside the pyramid. Each patient is built to meet its strata, with plausible ages, sexes, ICD-10 and ATC codes, lab values and dates in the few years before the reference date, then checked with the reference evaluator. The same inputs, seed and --as-of give the same bytes. The data are synthetic: plausible, not epidemiological (docs/stratify.md, \"Synthetic data\").\n\nExit codes: 0 done; 2 invalid input (the workspace does not lint clean, an unknown territory or pyramid, counts that no population can meet).",
    fr: "TERRITORY est l'identifiant d'un territoire de l'espace de travail. Écrit `population` patients dans DIR (patients, diagnoses, dispensations, labs, stays, acts ; Parquet ou CSV), dont, pour chaque pyramide dont le territoire donne les effectifs (ou celle de --pyramid), exactement `counts[strate]` tombent dans chaque strate selon les critères exécutables de la pyramide, les autres hors de la pyramide. Chaque patient est construit pour ses strates, avec des âges, sexes, codes CIM-10 et ATC, valeurs biologiques et dates plausibles dans les quelques années avant la date de référence, puis vérifié par l'évaluateur de référence. Les mêmes entrées, graine et --as-of donnent les mêmes octets. Les données sont synthétiques : plausibles, pas épidémiologiques (docs/stratify.md, « Synthetic data »).\n\nCodes de sortie : 0 terminé ; 2 entrée invalide (l'espace de travail ne passe pas le lint, un territoire ou une pyramide inconnus, des effectifs qu'aucune population ne peut atteindre).",
  },
  'cli.command.synth.example.0': { en: 'The Douaisis population, both pyramids, as Parquet', fr: 'La population du Douaisis, les deux pyramides, en Parquet' },
  'cli.command.synth.example.1': { en: 'One pyramid, as CSV, at a fixed date and seed', fr: 'Une pyramide, en CSV, à une date et une graine fixées' },
  'cli.command.synth.example.2': { en: 'Generate, then stratify the generated data', fr: 'Générer, puis stratifier les données générées' },
  'cli.command.synth.arg.territory': { en: 'territory id of the workspace', fr: "identifiant d'un territoire de l'espace de travail" },
  'cli.command.synth.flag.out': { en: 'folder to write the tables into (replaced as a whole)', fr: 'dossier où écrire les tables (remplacé en entier)' },
  'cli.command.synth.flag.pyramid': { en: 'only this pyramid (default: every pyramid the territory counts, jointly)', fr: 'seulement cette pyramide (par défaut : toutes celles dont le territoire donne les effectifs, conjointement)' },
  'cli.command.synth.flag.seed': { en: 'seed of the random streams', fr: 'graine des flux aléatoires' },
  'cli.command.synth.flag.as-of': { en: "reference date YYYY-MM-DD (default: today's date, UTC); give it for a reproducible population", fr: "date de référence AAAA-MM-JJ (par défaut : la date du jour, UTC) ; donnez-la pour une population reproductible" },
  'cli.command.synth.flag.format': { en: 'parquet (typed) or csv (UTF-8, comma-separated)', fr: 'parquet (typé) ou csv (UTF-8, séparé par des virgules)' },
});

export const cliMessages = defineMessages({
  ...errorsAndUsage,
  ...parseErrors,
  ...help,
  ...progress,
  ...lint,
  ...commandOutput,
  ...lintAndSmallCommands,
  ...simulationCommands,
  ...otherCommands,
  ...synthCommand,
  // logi calibrate (src/commands/calibrate.ts).
  'cli.command.calibrate.summary': {
    en: 'Calibrate a scenario to observed targets: a maximum-likelihood point and a posterior sample',
    fr: 'Calibrer un scénario sur des cibles observées : un point de vraisemblance maximale et un échantillon a posteriori',
  },
  'cli.command.calibrate.description': {
    en: "Runs the scenario's baseline arm in expected mode for many values of the free parameters of a Calibration document: Nelder–Mead for the maximum-likelihood point, then sampling-importance-resampling from the priors (IMIS when the effective sample size is too small). With --out, writes calibration.json, posterior.csv (the sample simulate draws its iterations from), point.yaml (a ParameterSet to list in a scenario's parameter-sets) and the fit report, fit-report.html and fit-report.md. See docs/calibration.md.",
    fr: "Exécute le bras de référence du scénario en mode espérance pour de nombreuses valeurs des paramètres libres d'un document Calibration : Nelder–Mead pour le point de vraisemblance maximale, puis un échantillonnage pondéré avec rééchantillonnage depuis les lois a priori (IMIS quand la taille d'échantillon efficace est trop faible). Avec --out, écrit calibration.json, posterior.csv (l'échantillon dont simulate tire ses itérations), point.yaml (un ParameterSet à citer dans les parameter-sets d'un scénario) et le rapport d'ajustement, fit-report.html et fit-report.md. Voir docs/calibration.md.",
  },
  'cli.command.calibrate.example.0': { en: 'Calibrate the bundled diabetes baseline and write the fit report', fr: 'Calibrer la référence diabète fournie et écrire le rapport d’ajustement' },
  'cli.command.calibrate.example.1': { en: 'A quicker run with fewer prior draws', fr: 'Un essai plus rapide avec moins de tirages a priori' },
  'cli.command.calibrate.example.2': { en: 'From the file of the calibration, with machine-readable output', fr: 'Depuis le fichier de la calibration, avec une sortie lisible par une machine' },
  'cli.command.calibrate.arg.calibration': { en: 'calibration id, or the YAML file holding it', fr: 'identifiant de la calibration, ou le fichier YAML qui la contient' },
  'cli.command.calibrate.flag.draws': { en: "prior draws (default: the calibration's `draws`)", fr: 'tirages a priori (par défaut : `draws` de la calibration)' },
  'cli.command.calibrate.flag.seed': { en: "seed of the calibration's draws (default: the calibration's, else the scenario's)", fr: 'graine des tirages de la calibration (par défaut : celle de la calibration, sinon celle du scénario)' },
  'cli.command.calibrate.flag.workers': { en: 'threads running the model (default: one per core)', fr: 'fils exécutant le modèle (par défaut : un par cœur)' },
  'cli.command.calibrate.flag.out': {
    en: 'folder to write calibration.json, posterior.csv, point.yaml and the fit report into',
    fr: "dossier où écrire calibration.json, posterior.csv, point.yaml et le rapport d'ajustement",
  },
  'cli.calibrate.use-out': {
    en: 'Add --out DIR to write the posterior sample, the point estimate and the fit report.',
    fr: "Ajoutez --out DOSSIER pour écrire l'échantillon a posteriori, l'estimation ponctuelle et le rapport d'ajustement.",
  },
  'cli.calibrate.phase.point': { en: 'maximum likelihood', fr: 'vraisemblance maximale' },
  'cli.calibrate.phase.prior': { en: 'prior draws', fr: 'tirages a priori' },
  'cli.calibrate.phase.imis': { en: 'IMIS rounds', fr: "tours d'IMIS" },
  'cli.calibrate.phase.posterior': { en: 'posterior', fr: 'a posteriori' },
});
