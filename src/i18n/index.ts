export { bothLanguages, CATALOGUE, defineMessages, t, translate, type MessageEntry, type MessageId, type Messages } from './catalogue.js';
export { currentLanguage, DEFAULT_LANG, isLang, LANGS, languageOfLocale, resolveLanguage, setLanguage, type Lang } from './language.js';
