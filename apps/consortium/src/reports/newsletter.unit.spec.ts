import { localDay, localNumber } from './newsletter';
import { escapeHtml } from './newsletter.html';

describe('the newsletter’s numbers and days', () => {
  it('writes an exact decimal in each locale, every thousand grouped, no digit lost', () => {
    expect(localNumber('en', '90071992547409931.05')).toBe('90,071,992,547,409,931.05');
    expect(localNumber('it', '1234.50')).toBe('1.234,50');
    expect(localNumber('fr', '1234.50')).toBe('1\u202f234,50');
    expect(localNumber('fr', '-0.40')).toBe('-0,40');
    expect(localNumber('en', '12', 0)).toBe('12');
  });

  it('writes days as the reader’s language does', () => {
    expect(localDay('fr', '2027-03-31')).toBe('31 mars 2027');
    expect(localDay('it', '2027-03-31')).toBe('31 marzo 2027');
    expect(localDay('en', '2027-03-31')).toBe('March 31, 2027');
  });

  it('keeps the board’s text as text in the page', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
