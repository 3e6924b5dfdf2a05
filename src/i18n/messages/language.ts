/** Messages of the language area (ids start with `language.`): see src/i18n/catalogue.ts. */
import { defineMessages } from '../define.js';

export const languageMessages = defineMessages({});
