import { chooseLanguage, fill, formattingLocale, LANGUAGES } from './locale';

describe('the language a reader gets', () => {
  it('keeps the language they chose on the page', () => {
    expect(chooseLanguage('it', ['fr-FR', 'en'])).toBe('it');
  });

  it('else takes the first browser language the page speaks', () => {
    expect(chooseLanguage(null, ['de-DE', 'fr-CH', 'it'])).toBe('fr');
    expect(chooseLanguage(null, ['IT-it'])).toBe('it');
  });

  it('else English; an unknown stored choice counts for nothing', () => {
    expect(chooseLanguage('xx', ['de', 'es'])).toBe('en');
    expect(chooseLanguage(null, [])).toBe('en');
  });

  it('formats with the browser’s regional variant of that language only', () => {
    expect(formattingLocale('fr', ['de-DE', 'fr-CH'])).toBe('fr-CH');
    expect(formattingLocale('it', ['en-GB'])).toBe('it');
    expect(formattingLocale('en', ['en-gb'])).toBe('en-GB');
  });
});

describe('the words of each language', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  const entries = (messages: object): [string, string][] =>
    Object.entries(messages).flatMap(([group, words]) =>
      Object.entries(words as Record<string, string>).map(
        ([key, text]) => [`${group}.${key}`, text] as [string, string],
      ),
    );

  it('French and Italian say everything English says, with the same placeholders', () => {
    const english = new Map(entries(LANGUAGES.en));
    for (const language of ['fr', 'it'] as const) {
      const translated = new Map(entries(LANGUAGES[language]));
      expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, text] of translated) {
        expect({ key, text: text.trim().length > 0 }).toEqual({ key, text: true });
        expect({ key, placeholders: placeholders(text) }).toEqual({
          key,
          placeholders: placeholders(english.get(key)!),
        });
      }
    }
  });

  it('are translated, not copied: most differ from English', () => {
    const english = new Map(entries(LANGUAGES.en));
    for (const language of ['fr', 'it'] as const) {
      const same = entries(LANGUAGES[language]).filter(([key, text]) => english.get(key) === text);
      // Codes and proper names (EUR, SOL, SCIC, "Coop {name}") legitimately stay the same.
      expect(same.length).toBeLessThan(12);
    }
  });

  it('fills placeholders and leaves an unknown one visible', () => {
    expect(fill('for {for} · against {against}', { for: 2, against: 0 })).toBe('for 2 · against 0');
    expect(fill('Admit {name}', {})).toBe('Admit {name}');
  });
});
