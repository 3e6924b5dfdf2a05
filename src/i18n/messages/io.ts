/** Messages of the io area (ids start with `io.`): see src/i18n/catalogue.ts. */
import { defineMessages } from '../define.js';

export const ioMessages = defineMessages({});
