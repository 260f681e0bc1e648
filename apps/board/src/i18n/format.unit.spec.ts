import { formats } from './format';

// Intl separates a currency sign with a no-break space in some languages: compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('amounts and dates as each language writes them', () => {
  it('writes euros in English, French and Italian', () => {
    expect(plain(formats('en-GB').quantity('10250.00', 'EUR'))).toBe('€10,250.00');
    expect(plain(formats('fr').quantity('10250.00', 'EUR'))).toBe('10 250,00 €');
    expect(plain(formats('it').quantity('10250.00', 'EUR'))).toBe('10.250,00 €');
  });

  it('formats the decimal string exactly, beyond what a float holds', () => {
    expect(plain(formats('it').quantity('123456789012345.67', 'EUR'))).toBe(
      '123.456.789.012.345,67 €',
    );
  });

  it('places SOL as a currency code and hours as a unit', () => {
    expect(plain(formats('en-GB').quantity('860.00', 'SOL'))).toBe('SOL 860.00');
    expect(plain(formats('it').quantity('860.00', 'SOL'))).toBe('860,00 SOL');
    expect(plain(formats('fr').quantity('108.50', 'hours'))).toBe('108,5 h');
  });

  it('writes ratios as percentages, and nothing to divide as a dash', () => {
    expect(plain(formats('fr').percent('0.0774'))).toBe('7,7 %');
    expect(formats('en-GB').percent(null)).toBe('–');
  });

  it('never shifts a calendar day by the time zone', () => {
    expect(formats('en-GB').day('2026-01-01')).toBe('1 Jan 2026');
    expect(formats('it').month('2026-03')).toBe('mar 2026');
  });
});
