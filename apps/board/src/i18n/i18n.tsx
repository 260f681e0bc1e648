import { createContext, ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { formats, Formats } from './format';
import { chooseLanguage, fill, formattingLocale, Language, LANGUAGES } from './locale';
import { Messages } from './messages.en';

const CHOSEN_KEY = 'coop-federation.board.language';

export interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  messages: Messages;
  /** A message with its placeholders filled: `t(m.coops.admit, { name })`. */
  t(template: string, values?: Record<string, string | number>): string;
  format: Formats;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(() =>
    chooseLanguage(localStorage.getItem(CHOSEN_KEY), navigator.languages),
  );
  useEffect(() => {
    // Screen readers pronounce the page in the language it is written in.
    document.documentElement.lang = language;
    document.title = LANGUAGES[language].app.title;
  }, [language]);
  const value = useMemo<I18n>(
    () => ({
      language,
      setLanguage(next) {
        localStorage.setItem(CHOSEN_KEY, next);
        setLanguage(next);
      },
      messages: LANGUAGES[language],
      t: fill,
      format: formats(formattingLocale(language, navigator.languages)),
    }),
    [language],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
