/** Messages of the preview area (ids start with `preview.`): `logi preview` and its page; see src/i18n/catalogue.ts. */
import { defineMessages } from '../define.js';

/** English plural: 1 is singular. */
const en = (n: number, one: string, many: string) => `${n} ${Number(n) === 1 ? one : many}`;
/** French plural: 0 and 1 are singular ("0 erreur", "1 erreur", "2 erreurs"). */
const fr = (n: number, one: string, many: string) => `${n} ${Number(n) <= 1 ? one : many}`;

export const previewMessages = defineMessages({
  'preview.remote-refused': {
    en: (p: { host: string }) =>
      `refusing to serve on \`${p.host}\`: the preview shows your workspace to whoever can reach that address, so logi serves on loopback only (127.0.0.1, ::1, localhost)`,
    fr: (p: { host: string }) =>
      `refus de servir sur \`${p.host}\` : l'aperçu montre votre espace de travail à quiconque peut joindre cette adresse, logi ne sert donc qu'en boucle locale (127.0.0.1, ::1, localhost)`,
  },
  'preview.remote-refused.hint': {
    en: 'omit --host to serve on 127.0.0.1; to serve on the network anyway, add --allow-remote (no password protects the page)',
    fr: "omettez --host pour servir sur 127.0.0.1 ; pour servir quand même sur le réseau, ajoutez --allow-remote (aucun mot de passe ne protège la page)",
  },
  'preview.remote-warning': {
    en: (p: { url: string }) => `--allow-remote: ${p.url} has no password; anyone who can reach it can read your workspace`,
    fr: (p: { url: string }) => `--allow-remote : ${p.url} n'a pas de mot de passe ; quiconque peut la joindre peut lire votre espace de travail`,
  },
  'preview.starting': {
    en: 'starting Chromium and checking the workspace…',
    fr: "démarrage de Chromium et vérification de l'espace de travail…",
  },
  'preview.listening': {
    en: (p: { url: string }) => `preview at ${p.url} — refreshed on every save; Ctrl-C to stop`,
    fr: (p: { url: string }) => `aperçu sur ${p.url} — mis à jour à chaque enregistrement ; Ctrl-C pour arrêter`,
  },
  'preview.rebuilt': {
    en: (p: { time: string; errors: number; warnings: number; logigrammes: number; ms: number }) =>
      `${p.time} · ${en(p.errors, 'error', 'errors')}, ${en(p.warnings, 'warning', 'warnings')}, ${en(p.logigrammes, 'logigramme', 'logigrammes')} (${p.ms} ms)`,
    fr: (p: { time: string; errors: number; warnings: number; logigrammes: number; ms: number }) =>
      `${p.time} · ${fr(p.errors, 'erreur', 'erreurs')}, ${fr(p.warnings, 'avertissement', 'avertissements')}, ${fr(p.logigrammes, 'logigramme', 'logigrammes')} (${p.ms} ms)`,
  },
  'preview.port-in-use': {
    en: (p: { address: string }) => `cannot serve on ${p.address}: the port is already in use`,
    fr: (p: { address: string }) => `impossible de servir sur ${p.address} : le port est déjà utilisé`,
  },
  'preview.port-in-use.hint': {
    en: 'choose another with --port N, or omit --port to take a free one',
    fr: "choisissez-en un autre avec --port N, ou omettez --port pour en prendre un libre",
  },
  'preview.listen-failed': {
    en: (p: { address: string; message: string }) => `cannot serve on ${p.address}: ${p.message}`,
    fr: (p: { address: string; message: string }) => `impossible de servir sur ${p.address} : ${p.message}`,
  },
  'preview.listen-failed.hint': {
    en: 'check --host and --port: the address must be one of this machine, the port free and allowed to you (above 1023 for a user)',
    fr: "vérifiez --host et --port : l'adresse doit être une de cette machine, le port libre et permis (au-dessus de 1023 pour un utilisateur)",
  },
  'preview.browser-failed': {
    en: (p: { path: string; source: string; message: string }) => `could not start the browser at ${p.path} (${p.source}): ${p.message}`,
    fr: (p: { path: string; source: string; message: string }) => `impossible de démarrer le navigateur ${p.path} (${p.source}) : ${p.message}`,
  },
  'preview.browser-failed.hint': {
    en: 'check that it runs (`chromium --version`), or choose another with --browser PATH',
    fr: "vérifiez qu'il se lance (`chromium --version`), ou choisissez-en un autre avec --browser CHEMIN",
  },
  'preview.watch-failed': {
    en: (p: { folder: string; message: string }) => `cannot watch ${p.folder} (${p.message}): saving a file there will not refresh the page`,
    fr: (p: { folder: string; message: string }) => `impossible de surveiller ${p.folder} (${p.message}) : y enregistrer un fichier ne mettra pas la page à jour`,
  },
  'preview.build-failed': {
    en: (p: { message: string }) => `the preview could not be updated: ${p.message}`,
    fr: (p: { message: string }) => `l'aperçu n'a pas pu être mis à jour : ${p.message}`,
  },
  'preview.http.wrong-host': {
    en: (p: { url: string }) => `logi preview answers only at ${p.url}`,
    fr: (p: { url: string }) => `logi preview ne répond qu'à l'adresse ${p.url}`,
  },
  'preview.http.read-only': {
    en: 'logi preview only shows the workspace: it accepts GET and HEAD requests only',
    fr: "logi preview ne fait que montrer l'espace de travail : il n'accepte que les requêtes GET et HEAD",
  },
  'preview.http.not-found': {
    en: (p: { url: string }) => `nothing here: the preview is at ${p.url}`,
    fr: (p: { url: string }) => `rien ici : l'aperçu est à l'adresse ${p.url}`,
  },
  'preview.page.title': {
    en: (p: { root: string }) => `logi preview — ${p.root}`,
    fr: (p: { root: string }) => `Aperçu logi — ${p.root}`,
  },
  'preview.page.problems': { en: 'Problems', fr: 'Problèmes' },
  'preview.page.logigrammes': { en: 'Diagrams', fr: 'Logigrammes' },
  'preview.page.no-problem': {
    en: 'No problem: `logi lint` finds nothing to report.',
    fr: 'Aucun problème : `logi lint` ne trouve rien à signaler.',
  },
  'preview.page.counts': {
    en: (p: { errors: number; warnings: number }) => `${en(p.errors, 'error', 'errors')}, ${en(p.warnings, 'warning', 'warnings')}`,
    fr: (p: { errors: number; warnings: number }) => `${fr(p.errors, 'erreur', 'erreurs')}, ${fr(p.warnings, 'avertissement', 'avertissements')}`,
  },
  'preview.page.updated': {
    en: (p: { time: string }) => `updated at ${p.time}`,
    fr: (p: { time: string }) => `mis à jour à ${p.time}`,
  },
  'preview.page.updated-in': {
    en: (p: { time: string; ms: number }) => `updated at ${p.time}, ${p.ms} ms after the save`,
    fr: (p: { time: string; ms: number }) => `mis à jour à ${p.time}, ${p.ms} ms après l'enregistrement`,
  },
  'preview.page.building': { en: 'updating…', fr: 'mise à jour…' },
  'preview.page.offline': {
    en: 'lost the connection to logi preview: is it still running?',
    fr: 'connexion à logi preview perdue : est-il toujours lancé ?',
  },
  'preview.page.tab.diagram': { en: 'Diagram', fr: 'Schéma' },
  'preview.page.tab.sheet': { en: 'Memo sheet', fr: 'Fiche mémo' },
  'preview.page.stale': {
    en: (p: { file: string }) => `${p.file} has errors (see Problems): this is its last version that loaded`,
    fr: (p: { file: string }) => `${p.file} contient des erreurs (voir Problèmes) : voici sa dernière version chargée`,
  },
  'preview.page.no-logigramme': {
    en: 'No logigramme loaded: add a YAML file with `kind: Logigramme`, or fix the errors above.',
    fr: "Aucun logigramme chargé : ajoutez un fichier YAML avec `kind: Logigramme`, ou corrigez les erreurs ci-dessus.",
  },
  'preview.page.drawing': { en: 'drawing…', fr: 'dessin en cours…' },
  'preview.page.render-failed': {
    en: (p: { message: string }) => `could not draw it: ${p.message}`,
    fr: (p: { message: string }) => `impossible de le dessiner : ${p.message}`,
  },
  'preview.page.severity.error': { en: 'error', fr: 'erreur' },
  'preview.page.severity.warning': { en: 'warning', fr: 'avertissement' },
  'preview.page.severity.info': { en: 'info', fr: 'information' },
  'preview.page.hint': {
    en: (p: { hint: string }) => `hint: ${p.hint}`,
    fr: (p: { hint: string }) => `conseil : ${p.hint}`,
  },
  'preview.page.stratum': {
    en: (p: { stratum: string }) => `stratum ${p.stratum}`,
    fr: (p: { stratum: string }) => `strate ${p.stratum}`,
  },

  // The help of `logi preview`: src/cli/texts.ts looks command texts up as `cli.command.<id>.<part>`.
  'cli.command.preview.summary': {
    en: 'Serve a live preview of the workspace on 127.0.0.1: diagrams, lint findings and memo sheets, refreshed on every save.',
    fr: "Sert un aperçu en direct de l'espace de travail sur 127.0.0.1 : schémas, problèmes du lint et fiches mémo, mis à jour à chaque enregistrement.",
  },
  'cli.command.preview.description': {
    en: `Serves one page, on 127.0.0.1 and a free port (or --port), that shows every logigramme of the workspace (or of PATH) as \`logi render --format svg\` draws it, with its memo sheet, and the findings of \`logi lint\` (file:line:col, rule, message, hint). The page follows the files: within a second of a save it shows the new findings and redraws the logigrammes that changed, in place.

The diagrams are drawn by one headless Chromium, found as for \`logi render\` (--browser, PUPPETEER_EXECUTABLE_PATH, puppeteer's cache, then the system's). The page loads nothing from the network. It is served on loopback only: another --host needs --allow-remote, and then anyone who can reach the address can read the workspace.

Runs until Ctrl-C (or SIGTERM), which closes the watcher, the server and the browser. With --json, prints {"url": …} once listening.`,
    fr: `Sert une page, sur 127.0.0.1 et un port libre (ou --port), qui montre chaque logigramme de l'espace de travail (ou de PATH) tel que \`logi render --format svg\` le dessine, avec sa fiche mémo, et les problèmes trouvés par \`logi lint\` (fichier:ligne:colonne, règle, message, conseil). La page suit les fichiers : moins d'une seconde après un enregistrement, elle montre les nouveaux problèmes et redessine sur place les logigrammes modifiés.

Les schémas sont dessinés par un Chromium sans fenêtre, trouvé comme pour \`logi render\` (--browser, PUPPETEER_EXECUTABLE_PATH, le cache de puppeteer, puis celui du système). La page ne charge rien depuis le réseau. Elle n'est servie qu'en boucle locale : un autre --host demande --allow-remote, et alors quiconque peut joindre l'adresse peut lire l'espace de travail.

Tourne jusqu'à Ctrl-C (ou SIGTERM), qui ferme la surveillance des fichiers, le serveur et le navigateur. Avec --json, écrit {"url": …} dès que la page est servie.`,
  },
  'cli.command.preview.example.0': { en: 'Preview the workspace of the current folder', fr: "Aperçu de l'espace de travail du dossier courant" },
  'cli.command.preview.example.1': { en: 'Preview the diabetes logigrammes only', fr: 'Aperçu des seuls logigrammes du diabète' },
  'cli.command.preview.example.2': { en: 'On a fixed port, with messages in English', fr: 'Sur un port fixe, avec les messages en anglais' },
  'cli.command.preview.example.3': { en: 'For a script: print the URL as JSON once listening', fr: "Pour un script : écrire l'URL en JSON dès que la page est servie" },
  'cli.command.preview.example.4': {
    en: 'On every interface of the machine (anyone on the network can read it)',
    fr: 'Sur toutes les interfaces de la machine (tout le réseau peut la lire)',
  },
  'cli.command.preview.arg.path': {
    en: 'file or folder holding logigrammes (default: the workspace of the current folder)',
    fr: "fichier ou dossier contenant des logigrammes (par défaut : l'espace de travail du dossier courant)",
  },
  'cli.command.preview.flag.port': { en: 'port to serve on (default: a free one)', fr: 'port sur lequel servir (par défaut : un port libre)' },
  'cli.command.preview.flag.host': {
    en: 'address to serve on: 127.0.0.1, ::1 or localhost; any other needs --allow-remote',
    fr: 'adresse sur laquelle servir : 127.0.0.1, ::1 ou localhost ; toute autre demande --allow-remote',
  },
  'cli.command.preview.flag.allow-remote': {
    en: 'allow a --host other than loopback (the page has no password)',
    fr: "permettre un --host autre que la boucle locale (la page n'a pas de mot de passe)",
  },
  'cli.command.preview.flag.browser': {
    en: 'Chromium or Chrome executable that draws the diagrams (default: found automatically)',
    fr: 'exécutable Chromium ou Chrome qui dessine les schémas (par défaut : trouvé automatiquement)',
  },
});
