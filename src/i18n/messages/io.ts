/**
 * Messages of the io area (ids start with `io.`): see src/i18n/catalogue.ts. Errors while writing
 * outputs (src/io/errors.ts: one reason and one hint per file-system error code) and the refusals
 * of an output folder (src/io/output-set.ts). Paths are the user's, quoted as given.
 */
import { defineMessages } from '../define.js';

export const ioMessages = defineMessages({
  'io.cannot-write': {
    en: (p: { target: string; reason: string; code: string }) => `cannot write ${p.target}: ${p.reason} (${p.code})`,
    fr: (p: { target: string; reason: string; code: string }) => `impossible d'écrire ${p.target} : ${p.reason} (${p.code})`,
  },
  'io.reason.ENAMETOOLONG': { en: 'the path is too long for the file system', fr: 'le chemin est trop long pour le système de fichiers' },
  'io.reason.EACCES': { en: 'permission denied', fr: 'permission refusée' },
  'io.reason.EPERM': { en: 'operation not permitted', fr: 'opération non permise' },
  'io.reason.EROFS': { en: 'the file system is read-only', fr: 'le système de fichiers est en lecture seule' },
  'io.reason.ENOSPC': { en: 'no space left on the disk', fr: "plus d'espace libre sur le disque" },
  'io.reason.EDQUOT': { en: 'disk quota exceeded', fr: 'quota de disque dépassé' },
  'io.reason.ENOTDIR': { en: 'a part of the path is a file, not a folder', fr: 'une partie du chemin est un fichier, pas un dossier' },
  'io.reason.EISDIR': { en: 'a folder is in the way of the file', fr: 'un dossier occupe la place du fichier' },
  'io.reason.EXDEV': { en: 'the folder is a mount point, so logi cannot replace it by renaming', fr: 'le dossier est un point de montage : logi ne peut pas le remplacer en le renommant' },
  'io.reason.EBUSY': { en: 'the folder is busy (a mount point, or open in another program)', fr: 'le dossier est occupé (un point de montage, ou ouvert dans un autre programme)' },
  'io.hint.shorter-path': { en: 'choose a shorter path (for outputs: --out)', fr: 'choisissez un chemin plus court (pour les sorties : --out)' },
  'io.hint.writable-folder': { en: 'choose a folder you can write to (for outputs: --out)', fr: 'choisissez un dossier où vous pouvez écrire (pour les sorties : --out)' },
  'io.hint.writable-disk': { en: 'choose a folder on a writable disk (for outputs: --out)', fr: 'choisissez un dossier sur un disque accessible en écriture (pour les sorties : --out)' },
  'io.hint.free-space': { en: 'free some space, or choose another disk (for outputs: --out)', fr: "libérez de l'espace, ou choisissez un autre disque (pour les sorties : --out)" },
  'io.hint.other-path': { en: 'choose another path (for outputs: --out)', fr: 'choisissez un autre chemin (pour les sorties : --out)' },
  'io.hint.move-folder': { en: 'choose another path (for outputs: --out), or move the folder', fr: 'choisissez un autre chemin (pour les sorties : --out), ou déplacez le dossier' },
  'io.hint.folder-inside': { en: 'write into a folder inside it (--out)', fr: "écrivez dans un dossier à l'intérieur (--out)" },
  'io.hint.folder-inside-or-close': { en: 'write into a folder inside it (--out), or close the other program', fr: "écrivez dans un dossier à l'intérieur (--out), ou fermez l'autre programme" },

  'io.out.root': {
    en: (p: { dir: string }) => `--out ${p.dir}: logi cannot replace the root of a file system`,
    fr: (p: { dir: string }) => `--out ${p.dir} : logi ne peut pas remplacer la racine d'un système de fichiers`,
  },
  'io.out.root.hint': { en: 'choose a folder inside it', fr: "choisissez un dossier à l'intérieur" },
  'io.out.holds-cwd': {
    en: (p: { dir: string }) => `--out ${p.dir} is the current folder or holds it; logi replaces an output folder as a whole`,
    fr: (p: { dir: string }) => `--out ${p.dir} est le dossier courant ou le contient ; logi remplace un dossier de sortie en entier`,
  },
  'io.out.holds-cwd.hint': { en: 'write into a folder of its own, e.g. --out out/results', fr: 'écrivez dans un dossier à part, par exemple --out out/results' },
  'io.out.is-file': {
    en: (p: { dir: string }) => `--out ${p.dir} is a file, not a folder`,
    fr: (p: { dir: string }) => `--out ${p.dir} est un fichier, pas un dossier`,
  },
  'io.out.is-file.hint': { en: 'choose a folder, new or written by logi', fr: 'choisissez un dossier, nouveau ou écrit par logi' },
  'io.out.foreign': {
    en: (p: { dir: string; count: number; entries: string }) =>
      `--out ${p.dir} holds ${p.count === 1 ? 'an entry' : `${p.count} entries`} that logi did not write there (${p.entries}); logi replaces its output folder as a whole and never deletes what it did not write`,
    fr: (p: { dir: string; count: number; entries: string }) =>
      `--out ${p.dir} contient ${p.count === 1 ? "une entrée que logi n'y a pas écrite" : `${p.count} entrées que logi n'y a pas écrites`} (${p.entries}) ; logi remplace son dossier de sortie en entier et ne supprime jamais ce qu'il n'a pas écrit`,
  },
  'io.out.foreign.more': {
    en: (p: { shown: string; more: number }) => `${p.shown} and ${p.more} more`,
    fr: (p: { shown: string; more: number }) => `${p.shown} et ${p.more} autres`,
  },
  'io.out.foreign.hint': {
    en: 'choose a new or empty folder with --out, or move those entries out of it',
    fr: 'choisissez un dossier nouveau ou vide avec --out, ou sortez-en ces entrées',
  },
});
