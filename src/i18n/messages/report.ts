/** Messages of the report area (ids start with `report.`): see src/i18n/catalogue.ts. */
import { defineMessages } from '../define.js';

export const reportMessages = defineMessages({});
