import { en, Messages } from './messages.en';
import { fr } from './messages.fr';
import { it } from './messages.it';

export const LANGUAGES = { en, fr, it } satisfies Record<string, Messages>;
export type Language = keyof typeof LANGUAGES;

/** Each language named in itself, for the switcher. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  fr: 'Français',
  it: 'Italiano',
};

function isLanguage(tag: string | null | undefined): tag is Language {
  return !!tag && tag in LANGUAGES;
}

/**
 * The language a reader gets: the one they chose on this page before, else the first of their
 * browser's languages the page speaks (`fr-CH` → `fr`), else English.
 */
export function chooseLanguage(chosen: string | null, browser: readonly string[]): Language {
  if (isLanguage(chosen)) return chosen;
  for (const tag of browser) {
    const language = tag.toLowerCase().split('-')[0];
    if (isLanguage(language)) return language;
  }
  return 'en';
}

/** Fills `{name}` placeholders; an unknown one stays as it is, to be seen and fixed. */
export function fill(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/**
 * The tag numbers and dates are written with: the reader's own regional variant of the page's
 * language when their browser names one (`en-GB` writes 28 Nov 2026, `fr-CH` its own thousands
 * separator), else the language itself.
 */
export function formattingLocale(language: Language, browser: readonly string[]): string {
  const regional = browser.find((tag) => tag.toLowerCase().split('-')[0] === language);
  try {
    return regional ? Intl.getCanonicalLocales(regional)[0] : language;
  } catch {
    return language;
  }
}
