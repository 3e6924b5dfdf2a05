/** Messages of the rules area (ids start with `rules.`): see src/i18n/catalogue.ts. */
import { defineMessages } from '../define.js';

export const rulesMessages = defineMessages({});
