/** Messages of the preview area (ids start with `preview.`): see src/i18n/catalogue.ts. */
import { defineMessages } from '../define.js';

export const previewMessages = defineMessages({});
