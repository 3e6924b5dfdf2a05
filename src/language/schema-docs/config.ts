/** The keys of logi.config.yaml (docs/language.md, "The workspace"). */
import { key, type KeyDocs } from './types.js';

const RULES_EXAMPLE = { 'no-unknown-target': 'error', 'label-length': 'off' };

export const CONFIG_DOCS: KeyDocs = {
  include: key(
    "Dossiers ou fichiers, relatifs à ce fichier, qui contiennent les documents de l'espace de travail ; par défaut ce dossier.",
    "Folders or files, relative to this file, that hold the workspace's documents; by default this folder.",
    ['guidelines', 'simulations'],
  ),
  exclude: key(
    'Noms de dossiers ou de fichiers à ignorer ; node_modules et les dossiers qui commencent par un point le sont toujours.',
    'Folder or file names to skip; node_modules and folders starting with a dot always are.',
    ['brouillons'],
  ),
  extends: key('Préréglage des règles : `recommended` (par défaut) ou `strict`.', 'Rule preset: `recommended` (the default) or `strict`.', 'recommended'),
  rules: key('Sévérité par identifiant de règle : `off`, `warn` ou `error`.', 'Severity by rule id: `off`, `warn` or `error`.', RULES_EXAMPLE),
  overrides: key(
    'Réglages des règles pour certains fichiers : une liste de `{files, rules}`.',
    'Rule settings for some files: a list of `{files, rules}`.',
    [{ files: ['brouillons/**'], rules: { 'no-unknown-target': 'warn' } }],
  ),
  'overrides.*': key(
    "Des réglages de règles et les fichiers auxquels ils s'appliquent.",
    'Rule settings and the files they apply to.',
    { files: ['brouillons/**'], rules: { 'no-unknown-target': 'warn' } },
  ),
  'overrides.*.files': key(
    "Chemins auxquels ces réglages s'appliquent, relatifs à ce fichier, avec les jokers `*` et `**`.",
    'Paths these settings apply to, relative to this file, with the `*` and `**` wildcards.',
    ['brouillons/**'],
  ),
  'overrides.*.rules': key('Sévérité par identifiant de règle pour ces fichiers : `off`, `warn` ou `error`.', 'Severity by rule id for these files: `off`, `warn` or `error`.', { 'no-unknown-target': 'warn' }),
};
