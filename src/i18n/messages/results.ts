/**
 * Messages of the results area (ids start with `results.`): see src/i18n/catalogue.ts. Errors
 * while writing `summary.parquet` and while reading a results folder back (`results.json`,
 * `summary.parquet`, `summary.csv`: src/results/). Paths and values are the user's, quoted as given.
 */
import { defineMessages } from '../define.js';

export const resultsMessages = defineMessages({
  'results.parquet.cannot-write': {
    en: (p: { file: string; detail: string }) => `cannot write ${p.file}: DuckDB stopped with: ${p.detail}`,
    fr: (p: { file: string; detail: string }) => `impossible d'écrire ${p.file} : DuckDB s'est arrêté sur : ${p.detail}`,
  },
  'results.parquet.cannot-write.hint': {
    en: 'check the disk has space and the folder can be written to (for outputs: --out), then simulate again',
    fr: "vérifiez qu'il reste de la place sur le disque et que le dossier est accessible en écriture (pour les sorties : --out), puis relancez la simulation",
  },
  'results.parquet.unreadable': {
    en: (p: { file: string; detail: string }) => `${p.file} is not a summary Parquet file that logi can read: ${p.detail}`,
    fr: (p: { file: string; detail: string }) => `${p.file} n'est pas un fichier Parquet de résumés que logi sait lire : ${p.detail}`,
  },
  'results.input.no-such-file': {
    en: (p: { file: string }) => `${p.file} does not exist`,
    fr: (p: { file: string }) => `${p.file} n'existe pas`,
  },
  'results.input.unreadable': {
    en: (p: { file: string; code: string }) => `cannot read ${p.file} (${p.code})`,
    fr: (p: { file: string; code: string }) => `impossible de lire ${p.file} (${p.code})`,
  },
  'results.input.hint': {
    en: 'give the folder that `logi simulate --out` wrote (it holds results.json, summary.parquet and summary.csv)',
    fr: 'donnez le dossier écrit par `logi simulate --out` (il contient results.json, summary.parquet et summary.csv)',
  },
  'results.json.not-json': {
    en: (p: { file: string; detail: string }) => `${p.file} is not JSON: ${p.detail}`,
    fr: (p: { file: string; detail: string }) => `${p.file} n'est pas du JSON : ${p.detail}`,
  },
  'results.json.not-results': {
    en: (p: { file: string; path: string; problem: string }) => `${p.file} is not the results of a simulation: at ${p.path}, ${p.problem}`,
    fr: (p: { file: string; path: string; problem: string }) => `${p.file} n'est pas le résultat d'une simulation : en ${p.path}, ${p.problem}`,
  },
  'results.json.hint': {
    en: 'simulate again with `logi simulate --out DIR` to write a complete results folder',
    fr: 'relancez `logi simulate --out DOSSIER` pour écrire un dossier de résultats complet',
  },
  'results.csv.header': {
    en: (p: { file: string; expected: string }) => `${p.file}:1: not a summary CSV: the first line must be ${p.expected} (separated by , or ;)`,
    fr: (p: { file: string; expected: string }) => `${p.file}:1 : pas un CSV de résumés : la première ligne doit être ${p.expected} (séparée par , ou ;)`,
  },
  'results.csv.fields': {
    en: (p: { where: string; found: number; expected: number }) => `${p.where}: ${p.found} fields, where a summary row has ${p.expected}`,
    fr: (p: { where: string; found: number; expected: number }) => `${p.where} : ${p.found} champs, alors qu'une ligne de résumé en a ${p.expected}`,
  },
  'results.csv.unclosed-quote': {
    en: (p: { where: string }) => `${p.where}: a quoted field is never closed`,
    fr: (p: { where: string }) => `${p.where} : un champ entre guillemets n'est jamais fermé`,
  },
  'results.csv.hint': {
    en: 'summary.csv is written by `logi simulate --out DIR`: correct that line, or simulate again',
    fr: 'summary.csv est écrit par `logi simulate --out DOSSIER` : corrigez cette ligne, ou relancez la simulation',
  },
  'results.where.row': {
    en: (p: { file: string; row: number }) => `${p.file}, row ${p.row}`,
    fr: (p: { file: string; row: number }) => `${p.file}, ligne ${p.row}`,
  },
  'results.row.number': {
    en: (p: { where: string; column: string; value: string }) => `${p.where}: column ${p.column} holds "${p.value}", which is not a number`,
    fr: (p: { where: string; column: string; value: string }) => `${p.where} : la colonne ${p.column} contient « ${p.value} », qui n'est pas un nombre`,
  },
  'results.row.value': {
    en: (p: { where: string; column: string; value: string; allowed: string }) => `${p.where}: column ${p.column} holds "${p.value}"; expected one of ${p.allowed}`,
    fr: (p: { where: string; column: string; value: string; allowed: string }) => `${p.where} : la colonne ${p.column} contient « ${p.value} » ; attendu : ${p.allowed}`,
  },
  'results.row.year': {
    en: (p: { where: string; value: string }) => `${p.where}: column year holds "${p.value}"; expected a whole number of years from 0`,
    fr: (p: { where: string; value: string }) => `${p.where} : la colonne year contient « ${p.value} » ; attendu : un nombre entier d'années à partir de 0`,
  },
  'results.row.year-missing': {
    en: (p: { where: string; measure: string }) => `${p.where}: a row of measure ${p.measure} needs a year`,
    fr: (p: { where: string; measure: string }) => `${p.where} : une ligne de la mesure ${p.measure} doit avoir une année`,
  },
  'results.row.year-extra': {
    en: (p: { where: string; measure: string }) => `${p.where}: a row of measure ${p.measure} is a total over the horizon and has no year`,
    fr: (p: { where: string; measure: string }) => `${p.where} : une ligne de la mesure ${p.measure} est un total sur l'horizon et n'a pas d'année`,
  },
  'results.series.year-outside': {
    en: (p: { series: string; year: number; first: number; last: number }) => `${p.series}: year ${p.year} is outside the simulated years ${p.first} to ${p.last}`,
    fr: (p: { series: string; year: number; first: number; last: number }) => `${p.series} : l'année ${p.year} est hors des années simulées, de ${p.first} à ${p.last}`,
  },
  'results.series.repeated': {
    en: (p: { series: string; year: string }) => `${p.series}: the row of year ${p.year} comes twice`,
    fr: (p: { series: string; year: string }) => `${p.series} : la ligne de l'année ${p.year} apparaît deux fois`,
  },
  'results.series.missing': {
    en: (p: { series: string; year: string }) => `${p.series}: the row of year ${p.year} is missing`,
    fr: (p: { series: string; year: string }) => `${p.series} : la ligne de l'année ${p.year} manque`,
  },
  'results.series.hint': {
    en: 'the summary file was cut or edited: simulate again with `logi simulate --out DIR`',
    fr: 'le fichier de résumés a été tronqué ou modifié : relancez `logi simulate --out DOSSIER`',
  },
  'results.series.valuation': { en: '(no year: total over the horizon)', fr: "(sans année : total sur l'horizon)" },
});
