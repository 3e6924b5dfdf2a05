/**
 * Messages of the worklist area (ids start with `worklist.`): the `done-when` key of an action
 * node (src/language/schemas/done-when.ts) and the choice of the logigramme each stratum's
 * worklist follows (src/stratify/worklist.ts). Codes and ids are the user's, quoted as written.
 */
import { defineMessages } from '../define.js';

const quoted = (ids: readonly string[]) => ids.map((id) => `\`${id}\``).join(', ');

export const worklistMessages = defineMessages({
  'worklist.done-when.one-key': {
    en: '`done-when` holds exactly one of diagnosis, dispensation, lab, stay, act, any (several kinds of rows: list them under `any`)',
    fr: '`done-when` contient exactement une clé parmi diagnosis, dispensation, lab, stay, act, any (plusieurs sortes de lignes : listez-les sous `any`)',
  },
  'worklist.done-when.icd10': {
    en: (p: { pattern: string }) => `\`${p.pattern}\` is not an ICD-10 code or prefix (a letter, two digits, then up to four letters or digits; \`*\` at the end for a prefix)`,
    fr: (p: { pattern: string }) => `\`${p.pattern}\` n'est pas un code ou un préfixe CIM-10 (une lettre, deux chiffres, puis jusqu'à quatre lettres ou chiffres ; \`*\` à la fin pour un préfixe)`,
  },
  'worklist.done-when.atc': {
    en: (p: { pattern: string }) => `\`${p.pattern}\` is not an ATC code or prefix (A, A10, A10B, A10BA, A10BA02; \`*\` at the end for a prefix)`,
    fr: (p: { pattern: string }) => `\`${p.pattern}\` n'est pas un code ou un préfixe ATC (A, A10, A10B, A10BA, A10BA02 ; \`*\` à la fin pour un préfixe)`,
  },
  'worklist.as-of': {
    en: (p: { asOf: string }) => `the reference date \`${p.asOf}\` is not a date written YYYY-MM-DD`,
    fr: (p: { asOf: string }) => `la date de référence \`${p.asOf}\` n'est pas une date écrite AAAA-MM-JJ`,
  },
  'worklist.as-of.hint': { en: 'write the date as 2026-03-31 (--as-of)', fr: 'écrivez la date ainsi : 2026-03-31 (--as-of)' },
  'worklist.logigramme.several': {
    en: (p: { pyramid: string; stratum: string; ids: string[] }) => `stratum ${p.stratum} of pyramid ${p.pyramid} has several logigrammes: ${quoted(p.ids)}; the worklist follows one`,
    fr: (p: { pyramid: string; stratum: string; ids: string[] }) => `la strate ${p.stratum} de la pyramide ${p.pyramid} a plusieurs logigrammes : ${quoted(p.ids)} ; la liste de travail en suit un seul`,
  },
  'worklist.logigramme.several.hint': {
    en: (p: { id: string }) => `choose one with --logigramme ${p.id} (the option may be repeated, one logigramme per stratum)`,
    fr: (p: { id: string }) => `choisissez-en un avec --logigramme ${p.id} (l'option peut être répétée, un logigramme par strate)`,
  },
  'worklist.logigramme.unknown': {
    en: (p: { id: string; pyramid: string }) => `--logigramme ${p.id}: no logigramme of pyramid ${p.pyramid} has this id`,
    fr: (p: { id: string; pyramid: string }) => `--logigramme ${p.id} : aucun logigramme de la pyramide ${p.pyramid} n'a cet identifiant`,
  },
  'worklist.logigramme.unknown.hint': {
    en: (p: { ids: string[] }) => `the logigrammes of this pyramid: ${quoted(p.ids)}`,
    fr: (p: { ids: string[] }) => `les logigrammes de cette pyramide : ${quoted(p.ids)}`,
  },
  'worklist.logigramme.same-stratum': {
    en: (p: { stratum: string; ids: string[] }) => `--logigramme: ${quoted(p.ids)} both serve stratum ${p.stratum}; choose one per stratum`,
    fr: (p: { stratum: string; ids: string[] }) => `--logigramme : ${quoted(p.ids)} prennent en charge la même strate ${p.stratum} ; choisissez-en un par strate`,
  },
  'worklist.logigramme.same-stratum.hint': { en: 'keep one --logigramme per stratum', fr: 'gardez un seul --logigramme par strate' },
  'worklist.cannot-write': {
    en: (p: { file: string; detail: string }) => `cannot write ${p.file}: DuckDB stopped with: ${p.detail}`,
    fr: (p: { file: string; detail: string }) => `impossible d'écrire ${p.file} : DuckDB s'est arrêté sur : ${p.detail}`,
  },
  'worklist.cannot-write.hint': {
    en: 'check the disk has space and the folder can be written to (for outputs: --out)',
    fr: "vérifiez qu'il reste de la place sur le disque et que le dossier est accessible en écriture (pour les sorties : --out)",
  },
});
