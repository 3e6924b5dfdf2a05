/** Messages of the editor area (ids start with `editor.`): see src/i18n/catalogue.ts. */
import { defineMessages } from '../define.js';

export const editorMessages = defineMessages({
  // Written into the JSON Schemas, shown by the editor (yaml-language-server) as the error.
  'editor.node-type.unknown': {
    en: (p: { types: string[] }) => `a node's type is one of: ${p.types.join(', ')}`,
    fr: (p: { types: string[] }) => `le type d'un nœud est l'un de : ${p.types.join(', ')}`,
  },
  // Descriptions of the ids a workspace defines, offered by completion (`logi schema --workspace`).
  'editor.workspace.document': {
    en: (p: { title: string; file: string }) => `${p.title} — defined in ${p.file}`,
    fr: (p: { title: string; file: string }) => `${p.title} — défini dans ${p.file}`,
  },
  'editor.workspace.actor': {
    en: (p: { title: string; registry: string }) => `${p.title} — actor of the registry ${p.registry}`,
    fr: (p: { title: string; registry: string }) => `${p.title} — acteur du registre ${p.registry}`,
  },
  'editor.workspace.stratum': {
    en: (p: { title: string; pyramid: string }) => `${p.title} — stratum of the pyramid ${p.pyramid}`,
    fr: (p: { title: string; pyramid: string }) => `${p.title} — strate de la pyramide ${p.pyramid}`,
  },
  'editor.workspace.exit': {
    en: (p: { title: string; pyramid: string }) => `${p.title} — exit of the pyramid ${p.pyramid}`,
    fr: (p: { title: string; pyramid: string }) => `${p.title} — sortie de la pyramide ${p.pyramid}`,
  },
  'editor.workspace.transition': {
    en: (p: { from: string; to: string; pyramid: string }) => `${p.from} to ${p.to} — transition of the pyramid ${p.pyramid}`,
    fr: (p: { from: string; to: string; pyramid: string }) => `de ${p.from} vers ${p.to} — transition de la pyramide ${p.pyramid}`,
  },
  'editor.workspace.source': {
    en: (p: { title: string; document: string }) => `${p.title} — source of ${p.document}`,
    fr: (p: { title: string; document: string }) => `${p.title} — source de ${p.document}`,
  },
  'editor.workspace.phase': {
    en: (p: { label: string; logigramme: string }) => `${p.label} — group of the logigramme ${p.logigramme}`,
    fr: (p: { label: string; logigramme: string }) => `${p.label} — groupe du logigramme ${p.logigramme}`,
  },
  // `logi schema`
  'editor.schema.wrote': {
    en: (p: { count: number; directory: string; files: string[] }) => `✔ wrote ${p.count} schemas to ${p.directory}: ${p.files.join(', ')}`,
    fr: (p: { count: number; directory: string; files: string[] }) => `✔ ${p.count} schémas écrits dans ${p.directory} : ${p.files.join(', ')}`,
  },
  'editor.schema.use-out': {
    en: 'Use --out DIR to write them, or --json to print them.',
    fr: 'Écrivez-les avec --out DOSSIER, ou affichez-les avec --json.',
  },
  'editor.schema.no-workspace': {
    en: (p: { directory: string }) => `no logi.config.yaml in ${p.directory} or above it: --workspace needs a workspace`,
    fr: (p: { directory: string }) => `aucun logi.config.yaml dans ${p.directory} ni au-dessus : --workspace demande un espace de travail`,
  },
  'editor.schema.no-workspace.hint': {
    en: 'run it in a workspace folder, or create one with `logi init`',
    fr: "lancez-la dans le dossier d'un espace de travail, ou créez-en un avec `logi init`",
  },
  'editor.schema.workspace-ids': {
    en: (p: { root: string; actors: number; pyramids: number; strata: number; logigrammes: number; phases: number; sources: number }) =>
      `  completion of the ids of ${p.root}: actors ${p.actors}, pyramids ${p.pyramids}, strata ${p.strata}, logigrammes ${p.logigrammes}, phases ${p.phases}, sources ${p.sources}`,
    fr: (p: { root: string; actors: number; pyramids: number; strata: number; logigrammes: number; phases: number; sources: number }) =>
      `  complétion des identifiants de ${p.root} : acteurs ${p.actors}, pyramides ${p.pyramids}, strates ${p.strata}, logigrammes ${p.logigrammes}, phases ${p.phases}, sources ${p.sources}`,
  },
  'editor.schema.workspace-refresh': {
    en: 'Run `logi schema --workspace --out DIR` again after adding an id, so that completion offers it.',
    fr: 'Relancez `logi schema --workspace --out DOSSIER` après avoir ajouté un identifiant, pour que la complétion le propose.',
  },
  // `logi init`
  'editor.init.created': {
    en: (p: { file: string }) => `  created ${p.file}`,
    fr: (p: { file: string }) => `  créé : ${p.file}`,
  },
  'editor.init.ready': {
    en: (p: { directory: string }) => `✔ workspace ready in ${p.directory}: run \`cd ${p.directory} && logi lint\``,
    fr: (p: { directory: string }) => `✔ espace de travail prêt dans ${p.directory} : lancez \`cd ${p.directory} && logi lint\``,
  },
  'editor.init.not-a-folder': {
    en: (p: { directory: string }) => `${p.directory} exists and is not a folder`,
    fr: (p: { directory: string }) => `${p.directory} existe et n'est pas un dossier`,
  },
  'editor.init.not-a-folder.hint': { en: 'give a new or existing folder', fr: 'donnez un dossier nouveau ou existant' },
  'editor.init.exists': {
    en: (p: { directory: string; files: string[] }) => `${p.directory} already holds ${p.files.join(', ')}`,
    fr: (p: { directory: string; files: string[] }) => `${p.directory} contient déjà ${p.files.join(', ')}`,
  },
  'editor.init.exists.hint': {
    en: 'choose an empty folder, or pass --force to overwrite these files',
    fr: 'choisissez un dossier vide, ou ajoutez --force pour écraser ces fichiers',
  },
  'cli.command.schema.summary': {
    en: "Write one JSON Schema per document kind, and the schema of results.json (generated from the code's own definitions).",
    fr: "Écrire un schéma JSON par type de document, et celui de results.json (produits à partir des définitions du code).",
  },
  'cli.command.schema.description': {
    en: 'Editors use these schemas to complete and check YAML as you type: start a file with `# yaml-language-server: $schema=path/to/logigramme.schema.json`. Every key has a description and examples, in the language of --lang. With --workspace, the schemas also offer the ids the workspace of the current folder defines (actors, pyramids, strata, phases, logigrammes, territories, programs, sources) where they are cited. Without --out, prints the list of schemas (or, with --json, the schemas themselves).',
    fr: "Les éditeurs utilisent ces schémas pour compléter et vérifier le YAML pendant la saisie : commencez un fichier par `# yaml-language-server: $schema=chemin/vers/logigramme.schema.json`. Chaque clé a une description et des exemples, dans la langue de --lang. Avec --workspace, les schémas proposent aussi les identifiants que définit l'espace de travail du dossier courant (acteurs, pyramides, strates, phases, logigrammes, territoires, programmes, sources) là où ils sont cités. Sans --out, affiche la liste des schémas (ou, avec --json, les schémas eux-mêmes).",
  },
  'cli.command.schema.example.0': { en: 'Write the schemas into docs/schemas', fr: 'Écrire les schémas dans docs/schemas' },
  'cli.command.schema.example.1': {
    en: 'In a workspace: schemas that complete its actors, strata, sources… (the modelines of `logi init` point at ./schemas)',
    fr: "Dans un espace de travail : des schémas qui complètent ses acteurs, strates, sources… (les lignes de mode de `logi init` pointent vers ./schemas)",
  },
  'cli.command.schema.example.2': { en: 'Print every schema as JSON', fr: 'Afficher chaque schéma en JSON' },
  'cli.command.schema.flag.out': { en: 'folder to write the schemas into', fr: 'dossier où écrire les schémas' },
  'cli.command.schema.flag.workspace': {
    en: 'offer the ids of the workspace of the current folder (found upward from it by logi.config.yaml)',
    fr: "proposer les identifiants de l'espace de travail du dossier courant (trouvé en remontant jusqu'à logi.config.yaml)",
  },
});
