/**
 * The message catalogue: every message exists in French and in English, the French is not a copy
 * of the English, and the language is chosen as docs/i18n.md says.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/i18n/catalogue.js';
import { languageOfLocale, resolveLanguage } from '../../src/i18n/language.js';

/** Parameters for any message: every name reads as «name», lists as one item, numbers as 2. */
const SAMPLE_PARAMS: unknown = new Proxy(
  {},
  {
    get: (_target, name) => (typeof name === 'string' ? new Proxy(Object.assign(String.prototype.valueOf.bind(`«${name}»`), {}), sampleValue(name)) : undefined),
  },
);
function sampleValue(name: string): ProxyHandler<() => string> {
  const text = `«${name}»`;
  return {
    get: (_t, key) => {
      if (key === Symbol.toPrimitive) return (hint: string) => (hint === 'number' ? 2 : text);
      if (key === 'length') return 1;
      if (key === 'toString' || key === 'valueOf') return () => text;
      if (key === 'join') return () => text;
      if (key === 'map') return (f: (x: string) => unknown) => [f(text)];
      if (key === Symbol.iterator) return function* () { yield text; };
      return (text as unknown as Record<PropertyKey, unknown>)[key];
    },
  };
}

function render(words: unknown): string {
  return typeof words === 'function' ? String((words as (p: unknown) => string)(SAMPLE_PARAMS)) : String(words);
}

/** Messages whose French is rightly the same as the English (symbols, names, code). */
const SAME_IN_BOTH = new Set<string>([
  // Words spelled the same in French and English.
  'report.action',
  'report.horizon',
  'report.logigramme',
  'report.mode',
  'report.population',
  'report.profession',
  'sim.summary.column.profession',
]);

describe('the message catalogue', () => {
  it('holds messages', () => {
    expect(CATALOGUE.size).toBeGreaterThan(0);
  });

  it.each([...CATALOGUE.keys()])('%s has a French and an English text, and the French is not the English', (id) => {
    const entry = CATALOGUE.get(id)!;
    for (const lang of ['fr', 'en'] as const) {
      expect(typeof entry[lang] === 'string' || typeof entry[lang] === 'function', `${id}.${lang}`).toBe(true);
      expect(render(entry[lang]).trim().length, `${id}.${lang} is empty`).toBeGreaterThan(0);
    }
    if (!SAME_IN_BOTH.has(id)) expect(render(entry.fr), `${id}: the French is the English`).not.toBe(render(entry.en));
  });
});

describe('choosing the language', () => {
  it('reads the language of a locale', () => {
    expect(languageOfLocale('fr_FR.UTF-8')).toBe('fr');
    expect(languageOfLocale('en_GB@euro')).toBe('en');
    expect(languageOfLocale('FR')).toBe('fr');
    expect(languageOfLocale('fr-CA')).toBe('fr');
    expect(languageOfLocale('C.UTF-8')).toBeUndefined();
    expect(languageOfLocale('de_DE.UTF-8')).toBeUndefined();
    expect(languageOfLocale('')).toBeUndefined();
  });

  it('takes --lang, then LOGI_LANG, then LC_ALL, LC_MESSAGES, LANG, then French', () => {
    const env = { LOGI_LANG: 'en', LC_ALL: 'fr_FR.UTF-8', LC_MESSAGES: 'fr_FR.UTF-8', LANG: 'fr_FR.UTF-8' };
    expect(resolveLanguage('fr', env)).toBe('fr');
    expect(resolveLanguage(undefined, env)).toBe('en');
    expect(resolveLanguage(undefined, { LC_ALL: 'en_US.UTF-8', LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(resolveLanguage(undefined, { LC_MESSAGES: 'en_US.UTF-8', LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(resolveLanguage(undefined, { LANG: 'en_US.UTF-8' })).toBe('en');
    // A value that names neither language is passed over, not taken as English.
    expect(resolveLanguage(undefined, { LOGI_LANG: 'xx', LANG: 'en_US.UTF-8' })).toBe('en');
    expect(resolveLanguage(undefined, { LC_ALL: 'C.UTF-8', LANG: 'en_US.UTF-8' })).toBe('en');
    expect(resolveLanguage(undefined, { LANG: 'C.UTF-8' })).toBe('fr');
    expect(resolveLanguage(undefined, { LANG: 'de_DE.UTF-8' })).toBe('fr');
    expect(resolveLanguage(undefined, {})).toBe('fr');
  });
});
