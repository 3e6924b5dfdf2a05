/**
 * Messages of the lint area (ids start with `lint.`): the findings about suppression comments
 * (src/lint/suppressions.ts). See src/i18n/catalogue.ts. Rule ids and the directive words
 * (`logi-disable-next-line`) are code and stay as written.
 */
import { defineMessages } from '../define.js';

export const lintMessages = defineMessages({
  'lint.suppression.unknown-directive': {
    en: (p: { word: string }) => `unknown suppression \`${p.word}\`: it silences nothing`,
    fr: (p: { word: string }) => `suppression \`${p.word}\` inconnue : elle ne masque rien`,
  },
  'lint.suppression.unknown-directive.hint': {
    en: 'write `# logi-disable-next-line <rule> -- <reason>` on the line above the finding, or `# logi-disable-file <rule> -- <reason>` for the whole file',
    fr: 'écrivez `# logi-disable-next-line <règle> -- <raison>` sur la ligne au-dessus du signalement, ou `# logi-disable-file <règle> -- <raison>` pour tout le fichier',
  },
  'lint.suppression.no-rule': {
    en: (p: { word: string }) => `\`${p.word}\` names no rule: it silences nothing`,
    fr: (p: { word: string }) => `\`${p.word}\` ne nomme aucune règle : elle ne masque rien`,
  },
  'lint.suppression.no-rule.hint': {
    en: (p: { word: string }) => `name the rule to silence: \`# ${p.word} <rule> -- <reason>\` (see \`logi rules\`)`,
    fr: (p: { word: string }) => `nommez la règle à masquer : \`# ${p.word} <règle> -- <raison>\` (voir \`logi rules\`)`,
  },
  'lint.suppression.no-reason': { en: 'this suppression gives no reason', fr: 'cette suppression ne donne pas de raison' },
  'lint.suppression.no-reason.hint': {
    en: (p: { word: string; rules: string[] }) => `say why after \` -- \`: \`# ${p.word} ${[...p.rules].join(', ') || '<rule>'} -- <why this finding is intended>\``,
    fr: (p: { word: string; rules: string[] }) => `dites pourquoi après \` -- \` : \`# ${p.word} ${[...p.rules].join(', ') || '<règle>'} -- <pourquoi ce signalement est voulu>\``,
  },
  'lint.suppression.unsuppressible': {
    en: (p: { rule: string }) => `\`${p.rule}\` cannot be silenced: it silences nothing`,
    fr: (p: { rule: string }) => `\`${p.rule}\` ne peut pas être masqué : cette suppression ne masque rien`,
  },
  'lint.suppression.fix-comment.hint': { en: 'fix the suppression comment itself', fr: 'corrigez le commentaire de suppression lui-même' },
  'lint.suppression.fix-finding.hint': {
    en: 'fix the finding: a file that cannot be read as a valid document is left out of the workspace',
    fr: "corrigez le signalement : un fichier qui ne peut pas être lu comme un document valide est laissé hors de l'espace de travail",
  },
  'lint.suppression.unknown-rule': {
    en: (p: { rule: string }) => `unknown rule \`${p.rule}\` in a suppression`,
    fr: (p: { rule: string }) => `règle \`${p.rule}\` inconnue dans une suppression`,
  },
  'lint.suppression.see-rules.hint': { en: 'see `logi rules` for the rule ids', fr: 'voir `logi rules` pour les identifiants des règles' },
  'lint.suppression.unused-in-file': {
    en: (p: { rule: string }) => `this suppression of \`${p.rule}\` silences nothing: no \`${p.rule}\` finding in this file`,
    fr: (p: { rule: string }) => `cette suppression de \`${p.rule}\` ne masque rien : aucun signalement \`${p.rule}\` dans ce fichier`,
  },
  'lint.suppression.unused-on-line': {
    en: (p: { rule: string; line: number }) => `this suppression of \`${p.rule}\` silences nothing: no \`${p.rule}\` finding on line ${p.line}`,
    fr: (p: { rule: string; line: number }) => `cette suppression de \`${p.rule}\` ne masque rien : aucun signalement \`${p.rule}\` à la ligne ${p.line}`,
  },
  'lint.suppression.move.hint': {
    en: 'remove the comment, or move it to the line just above the finding',
    fr: 'supprimez le commentaire, ou placez-le sur la ligne juste au-dessus du signalement',
  },
  'lint.suppression.remove.hint': { en: 'remove the comment', fr: 'supprimez le commentaire' },
});
