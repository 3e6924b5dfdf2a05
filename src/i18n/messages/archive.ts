/**
 * Messages of the archive area (ids start with `archive.` and `verify.`, and the help of
 * `cli.command.archive.…` and `cli.command.verify.…`): research packages and their verification
 * (src/archive/, docs/reproducibility.md).
 */
import { defineMessages } from '../define.js';

const help = defineMessages({
  'cli.command.archive.summary': { en: 'Package a run for others to check: its inputs, outputs, versions and an RO-Crate description.', fr: 'Empaqueter une exécution pour que d\'autres la vérifient : ses entrées, ses sorties, les versions et une description RO-Crate.' },
  'cli.command.archive.description': {
    en: 'Writes one ZIP holding every input the manifest names (byte for byte, paths relative to the workspace root), the outputs of simulate, calibrate or sweep, the tool version and its dependencies\' versions, the platform, and ro-crate-metadata.json (RO-Crate 1.1). `logi verify` re-runs it. See docs/reproducibility.md.',
    fr: 'Écrit un ZIP qui contient chaque entrée nommée par le manifeste (octet pour octet, chemins relatifs à la racine de l\'espace de travail), les sorties de simulate, calibrate ou sweep, la version de l\'outil et celles de ses dépendances, la plateforme, et ro-crate-metadata.json (RO-Crate 1.1). `logi verify` la rejoue. Voir docs/reproducibility.md.',
  },
  'cli.command.archive.example.0': { en: 'Simulate, then package the run', fr: 'Simuler, puis empaqueter l\'exécution' },
  'cli.command.archive.example.1': { en: 'A sweep, its workspace given, dated for a reproducible package', fr: 'Un balayage, son espace de travail donné, daté pour un paquet reproductible' },
  'cli.command.archive.arg.results': { en: 'output folder of logi simulate, calibrate or sweep (--out)', fr: 'dossier de sortie de logi simulate, calibrate ou sweep (--out)' },
  'cli.command.archive.flag.out': { en: 'the package file to write (a ZIP)', fr: 'le fichier du paquet à écrire (un ZIP)' },
  'cli.command.archive.flag.workspace': { en: 'the workspace of the run (default: the one holding the results, else the current one)', fr: "l'espace de travail de l'exécution (par défaut : celui qui contient les résultats, sinon le dossier courant)" },
  'cli.command.archive.flag.date': { en: 'publication date YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today, UTC)', fr: 'date de publication AAAA-MM-JJ (par défaut : SOURCE_DATE_EPOCH, sinon aujourd\'hui, UTC)' },
  'cli.command.verify.summary': { en: 'Re-run a package or an output folder and say whether it gives the same bytes.', fr: 'Rejouer un paquet ou un dossier de sortie et dire s\'il redonne les mêmes octets.' },
  'cli.command.verify.description': {
    en: 'Runs the recorded invocation again from the packaged inputs, in a temporary workspace, and compares every output byte for byte. Exit 0 reproduced, 1 not reproduced (with the first differing figure and the likely reason), 2 unusable input.',
    fr: "Rejoue l'invocation enregistrée à partir des entrées du paquet, dans un espace de travail temporaire, et compare chaque sortie octet pour octet. Code 0 reproduit, 1 non reproduit (avec le premier chiffre qui diffère et la cause probable), 2 entrée inutilisable.",
  },
  'cli.command.verify.example.0': { en: 'A package file', fr: 'Un fichier de paquet' },
  'cli.command.verify.example.1': { en: 'An unpacked package, on one worker, in English', fr: 'Un paquet décompressé, sur un fil de calcul, en anglais' },
  'cli.command.verify.example.2': { en: 'An output folder of this workspace', fr: 'Un dossier de sortie de cet espace de travail' },
  'cli.command.verify.arg.source': { en: 'a package (.zip), an unpacked package folder, or an output folder', fr: 'un paquet (.zip), le dossier d\'un paquet décompressé, ou un dossier de sortie' },
  'cli.command.verify.flag.workspace': { en: 'for an output folder: its workspace (default: the one holding it, else the current one)', fr: "pour un dossier de sortie : son espace de travail (par défaut : celui qui le contient, sinon le dossier courant)" },
  'cli.command.verify.flag.workers': { en: 'worker threads of the re-run (default: the number of cores); results do not depend on it', fr: 'fils de calcul de la ré-exécution (par défaut : le nombre de cœurs) ; les résultats n\'en dépendent pas' },
});

const refusals = defineMessages({
  'archive.not-an-output-folder': { en: (p: { dir: string }) => `${p.dir} is not an output folder of logi (no .logi-output.json)`, fr: (p: { dir: string }) => `${p.dir} n'est pas un dossier de sortie de logi (pas de .logi-output.json)` },
  'archive.not-an-output-folder.hint': { en: 'give the --out folder of logi simulate, calibrate or sweep', fr: 'donnez le dossier --out de logi simulate, calibrate ou sweep' },
  'archive.no-invocation': {
    en: (p: { dir: string; writtenBy: string }) => `${p.dir} does not record how it was made (written by ${p.writtenBy}): only simulate, calibrate and sweep, from this version on, record it`,
    fr: (p: { dir: string; writtenBy: string }) => `${p.dir} n'enregistre pas comment il a été produit (écrit par ${p.writtenBy}) : seuls simulate, calibrate et sweep l'enregistrent, depuis cette version`,
  },
  'archive.no-invocation.hint': { en: 'run the command again with --out, then archive that folder', fr: 'relancez la commande avec --out, puis archivez ce dossier' },
  'archive.no-manifest': { en: (p: { file: string }) => `${p.file} is missing or holds no manifest`, fr: (p: { file: string }) => `${p.file} est absent ou ne contient pas de manifeste` },
  'archive.no-manifest.hint': { en: 'the folder must hold the files the command wrote, as it wrote them', fr: 'le dossier doit contenir les fichiers écrits par la commande, tels quels' },
  'archive.no-workspace': { en: (p: { dir: string }) => `no workspace (logi.config.yaml) above ${p.dir} nor above the current folder`, fr: (p: { dir: string }) => `aucun espace de travail (logi.config.yaml) au-dessus de ${p.dir} ni du dossier courant` },
  'archive.no-workspace.hint': { en: 'give the workspace of the run: --workspace DIR', fr: "donnez l'espace de travail de l'exécution : --workspace DOSSIER" },
  'archive.input-missing': { en: (p: { file: string; root: string }) => `the input ${p.file} named by the manifest is not in the workspace ${p.root}`, fr: (p: { file: string; root: string }) => `l'entrée ${p.file} nommée par le manifeste n'est pas dans l'espace de travail ${p.root}` },
  'archive.input-missing.hint': { en: 'give the workspace of the run with --workspace, or restore the file', fr: "donnez l'espace de travail de l'exécution avec --workspace, ou restaurez le fichier" },
  'archive.input-changed': {
    en: (p: { file: string; recorded: string; found: string }) => `the input ${p.file} changed since the run (SHA-256 recorded ${p.recorded.slice(0, 12)}…, now ${p.found.slice(0, 12)}…): a package of it would not reproduce`,
    fr: (p: { file: string; recorded: string; found: string }) => `l'entrée ${p.file} a changé depuis l'exécution (SHA-256 enregistré ${p.recorded.slice(0, 12)}…, actuel ${p.found.slice(0, 12)}…) : un paquet ne serait pas reproductible`,
  },
  'archive.input-changed.hint': { en: 'restore the file as it was (git), or run the command again and archive the new folder', fr: "restaurez le fichier tel qu'il était (git), ou relancez la commande et archivez le nouveau dossier" },
  'archive.draws-missing': { en: (p: { file: string }) => `the draws file ${p.file} written by simulate --draws is missing`, fr: (p: { file: string }) => `le fichier de tirages ${p.file} écrit par simulate --draws est absent` },
  'archive.draws-changed': { en: (p: { file: string }) => `the draws file ${p.file} is not the one simulate --draws wrote (its SHA-256 differs)`, fr: (p: { file: string }) => `le fichier de tirages ${p.file} n'est pas celui écrit par simulate --draws (son SHA-256 diffère)` },
  'archive.draws-missing.hint': { en: 'put it back, or run simulate --draws again', fr: 'remettez-le, ou relancez simulate --draws' },
  'archive.bad-date': { en: (p: { value: string }) => `--date ${p.value} is not written YYYY-MM-DD`, fr: (p: { value: string }) => `--date ${p.value} n'est pas écrit AAAA-MM-JJ` },
  'archive.bad-date.hint': { en: 'e.g. --date 2026-06-30', fr: 'par exemple --date 2026-06-30' },
  'verify.no-such-source': { en: (p: { source: string }) => `${p.source} does not exist`, fr: (p: { source: string }) => `${p.source} n'existe pas` },
  'verify.not-a-zip': { en: (p: { source: string; reason: string }) => `${p.source} is not a package that can be unpacked (${p.reason})`, fr: (p: { source: string; reason: string }) => `${p.source} n'est pas un paquet que l'on peut décompresser (${p.reason})` },
  'verify.unsafe-entry': { en: (p: { entry: string }) => `its entry ${p.entry} would be written outside the folder`, fr: (p: { entry: string }) => `son entrée ${p.entry} serait écrite hors du dossier` },
  'verify.not-zip-data': { en: 'not ZIP data, or a damaged ZIP', fr: 'pas un ZIP, ou un ZIP endommagé' },
  'verify.no-package-record': { en: (p: { source: string; file: string }) => `${p.source} holds no readable ${p.file}: it is not a package of logi archive`, fr: (p: { source: string; file: string }) => `${p.source} ne contient pas de ${p.file} lisible : ce n'est pas un paquet de logi archive` },
  'verify.not-a-package.hint': { en: 'give a package written by logi archive (.zip), its unpacked folder, or an output folder of simulate, calibrate or sweep', fr: 'donnez un paquet écrit par logi archive (.zip), son dossier décompressé, ou un dossier de sortie de simulate, calibrate ou sweep' },
  'verify.rerun-refused': { en: (p: { reason: string }) => `the packaged inputs, unchanged, are refused by this logi: ${p.reason}`, fr: (p: { reason: string }) => `les entrées du paquet, inchangées, sont refusées par ce logi : ${p.reason}` },
  'verify.rerun-refused.hint': { en: 'run it with the logi version the package records (logi-package.json, "tool")', fr: 'rejouez-le avec la version de logi que le paquet enregistre (logi-package.json, « tool »)' },
});

const output = defineMessages({
  'archive.wrote': {
    en: (p: { out: string; files: number; command: string; target: string }) => `✔ wrote ${p.out}: logi ${p.command} ${p.target}, ${p.files} files and ro-crate-metadata.json`,
    fr: (p: { out: string; files: number; command: string; target: string }) => `✔ écrit : ${p.out} — logi ${p.command} ${p.target}, ${p.files} fichiers et ro-crate-metadata.json`,
  },
  'archive.missing-authors': { en: 'the scenario names no authors: add `authors:` to it so that the package credits them', fr: "le scénario ne nomme pas d'auteurs : ajoutez-lui `authors:` pour que le paquet les cite" },
  'archive.missing-license': { en: 'the scenario gives no licence: add `license:` (e.g. CC-BY-4.0) so that others know how they may reuse the results', fr: 'le scénario ne donne pas de licence : ajoutez `license:` (par exemple CC-BY-4.0) pour que chacun sache comment réutiliser les résultats' },
  'verify.progress': { en: 'running again', fr: 'ré-exécution' },
  'verify.reproduced': {
    en: (p: { command: string; target: string; files: number; version: string }) => `✔ reproduced: logi ${p.command} ${p.target} gives the same bytes (${p.files} files compared, logi ${p.version})`,
    fr: (p: { command: string; target: string; files: number; version: string }) => `✔ reproduit : logi ${p.command} ${p.target} redonne les mêmes octets (${p.files} fichiers comparés, logi ${p.version})`,
  },
  'verify.not-reproduced': {
    en: (p: { command: string; target: string }) => `✘ not reproduced: logi ${p.command} ${p.target} does not give the same bytes`,
    fr: (p: { command: string; target: string }) => `✘ non reproduit : logi ${p.command} ${p.target} ne redonne pas les mêmes octets`,
  },
  'verify.file-differs': { en: (p: { file: string }) => `  differs: ${p.file}`, fr: (p: { file: string }) => `  diffère : ${p.file}` },
  'verify.not-remade': { en: (p: { files: string }) => `  not compared (the invocation does not make them): ${p.files}`, fr: (p: { files: string }) => `  non comparés (l'invocation ne les produit pas) : ${p.files}` },
  'verify.refused': { en: (p: { reason: string }) => `the re-run was refused: ${p.reason}`, fr: (p: { reason: string }) => `la ré-exécution a été refusée : ${p.reason}` },
  'verify.first-row': {
    en: (p: { file: string; territory: string; scale: string; arm: string; measure: string; key: string; year: string; statistic: string; recorded: string; remade: string }) =>
      `first differing figure (${p.file}): measure ${p.measure} ${p.key}, territory ${p.territory}, arm ${p.arm}, year ${p.year}, scale ${p.scale}, ${p.statistic}: recorded ${p.recorded}, now ${p.remade}`,
    fr: (p: { file: string; territory: string; scale: string; arm: string; measure: string; key: string; year: string; statistic: string; recorded: string; remade: string }) =>
      `premier chiffre qui diffère (${p.file}) : mesure ${p.measure} ${p.key}, territoire ${p.territory}, bras ${p.arm}, année ${p.year}, échelle ${p.scale}, ${p.statistic} : enregistré ${p.recorded}, maintenant ${p.remade}`,
  },
  'verify.first-value': {
    en: (p: { file: string; path: string; recorded: string; remade: string }) => `first differing value (${p.file}): ${p.path}: recorded ${p.recorded}, now ${p.remade}`,
    fr: (p: { file: string; path: string; recorded: string; remade: string }) => `première valeur qui diffère (${p.file}) : ${p.path} : enregistrée ${p.recorded}, maintenant ${p.remade}`,
  },
  'verify.first-file': { en: (p: { file: string }) => `first differing file: ${p.file}`, fr: (p: { file: string }) => `premier fichier qui diffère : ${p.file}` },
  'verify.no-year': { en: '(total over the horizon)', fr: "(total sur l'horizon)" },
  'verify.reason.version': {
    en: (p: { recorded: string; current: string }) => `likely reason: another tool version — the package was made by logi ${p.recorded}, this is logi ${p.current}`,
    fr: (p: { recorded: string; current: string }) => `cause probable : une autre version de l'outil — le paquet a été produit par logi ${p.recorded}, celui-ci est logi ${p.current}`,
  },
  'verify.reason.input': {
    en: (p: { file: string; recorded: string; found: string }) => `likely reason: a changed input — ${p.file} (SHA-256 recorded ${p.recorded}, packaged ${p.found})`,
    fr: (p: { file: string; recorded: string; found: string }) => `cause probable : une entrée modifiée — ${p.file} (SHA-256 enregistré ${p.recorded}, dans le paquet ${p.found})`,
  },
  'verify.reason.input-missing': { en: '(missing)', fr: '(absent)' },
  'verify.reason.streams': {
    en: (p: { recorded: string; current: string }) => `likely reason: another derivation of the random streams — recorded ${p.recorded}, this logi ${p.current}`,
    fr: (p: { recorded: string; current: string }) => `cause probable : une autre dérivation des flux aléatoires — enregistrée ${p.recorded}, ce logi ${p.current}`,
  },
  'verify.reason.unexplained': {
    en: 'no recorded cause: same tool version, inputs and stream derivation — please report it as a bug, with the package',
    fr: "aucune cause enregistrée : même version de l'outil, mêmes entrées et même dérivation des flux — signalez-le comme un bogue, avec le paquet",
  },
});

export const archiveMessages = defineMessages({ ...help, ...refusals, ...output });
