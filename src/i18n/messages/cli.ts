/** Messages of the cli area (ids start with `cli.`): see src/i18n/catalogue.ts. */
import { defineMessages } from '../define.js';

export const cliMessages = defineMessages({
  'cli.hint': { en: 'hint', fr: 'conseil' },
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
});
