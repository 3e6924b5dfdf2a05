/** Messages of the render area (ids start with `render.`): see src/i18n/catalogue.ts. */
import { defineMessages } from '../define.js';

export const renderMessages = defineMessages({});
