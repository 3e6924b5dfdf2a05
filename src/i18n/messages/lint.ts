/** Messages of the lint area (ids start with `lint.`): see src/i18n/catalogue.ts. */
import { defineMessages } from '../define.js';

export const lintMessages = defineMessages({});
