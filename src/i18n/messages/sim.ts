/** Messages of the sim area (ids start with `sim.`): see src/i18n/catalogue.ts. */
import { defineMessages } from '../define.js';

export const simMessages = defineMessages({});
