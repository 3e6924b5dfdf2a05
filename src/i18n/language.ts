/**
 * Which language logi speaks: `--lang fr|en`, else `LOGI_LANG`, else the locale of messages
 * (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, the POSIX order), else French — logi's users are
 * French clinicians. A value that names neither French nor English (`C.UTF-8`, `de_DE`, `xx`) is
 * passed over, so `LANG=C.UTF-8` gives French and `LOGI_LANG=xx LANG=en_US.UTF-8` gives English.
 *
 * The language is one setting of the process, chosen once by the command before it prints
 * anything (src/cli/base.ts) and handed to worker threads with their work. Messages read it when
 * they are written (src/i18n/catalogue.ts).
 */
export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];
export const DEFAULT_LANG: Lang = 'fr';

export function isLang(value: unknown): value is Lang {
  return value === 'fr' || value === 'en';
}

/** `fr`, `fr_FR.UTF-8`, `fr-CA`, `FR` → fr; `en_GB@euro` → en; anything else → undefined. */
export function languageOfLocale(value: string | undefined): Lang | undefined {
  if (!value) return undefined;
  const code = value.trim().toLowerCase().split(/[_.@-]/, 1)[0];
  return isLang(code) ? code : undefined;
}

/** The first of `--lang`, LOGI_LANG, LC_ALL, LC_MESSAGES, LANG that names French or English. */
export function resolveLanguage(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): Lang {
  for (const candidate of [flag, env.LOGI_LANG, env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    const lang = languageOfLocale(candidate);
    if (lang) return lang;
  }
  return DEFAULT_LANG;
}

let current: Lang = resolveLanguage(undefined, process.env);

/** The language messages are written in now. */
export function currentLanguage(): Lang {
  return current;
}

export function setLanguage(lang: Lang): void {
  current = lang;
}
