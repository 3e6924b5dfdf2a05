/** Messages of the editor area (ids start with `editor.`): see src/i18n/catalogue.ts. */
import { defineMessages } from '../define.js';

export const editorMessages = defineMessages({});
