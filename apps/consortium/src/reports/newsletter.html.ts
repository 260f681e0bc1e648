import { barLengths, Newsletter } from './newsletter';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML reads it back: the board's editorial is text, never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const COLOURS = { EUR: '#2b6cb0', SOL: '#c05621' } as const;
const CHART = { width: 480, barHeight: 14, gap: 4, labelWidth: 140 };

/**
 * The quarter's months as horizontal bars (EUR and SOL paid), in SVG presentation attributes:
 * the page's policy allows no inline style.
 */
function chartSvg(newsletter: Newsletter): string {
  const lengths = barLengths(newsletter, CHART.width - CHART.labelWidth - 120);
  const rowHeight = 2 * (CHART.barHeight + CHART.gap) + 10;
  const rows = newsletter.chart.map((month, m) => {
    const top = m * rowHeight;
    const bars = month.bars.map((bar, b) => {
      const y = top + b * (CHART.barHeight + CHART.gap);
      const length = lengths[m][b];
      return (
        `<rect x="${CHART.labelWidth}" y="${y}" width="${length}" height="${CHART.barHeight}" fill="${COLOURS[bar.unit]}"/>` +
        `<text x="${CHART.labelWidth + length + 4}" y="${y + CHART.barHeight - 3}" font-size="11">${escapeHtml(bar.text)}</text>`
      );
    });
    return `<text x="0" y="${top + CHART.barHeight}" font-size="12">${escapeHtml(month.month)}</text>${bars.join('')}`;
  });
  const height = newsletter.chart.length * rowHeight;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(newsletter.chartHeading)}" ` +
    `width="${CHART.width}" height="${height}" viewBox="0 0 ${CHART.width} ${height}">${rows.join('')}</svg>`
  );
}

/** The newsletter as a whole page: no script, no style, nothing from elsewhere. */
export function newsletterHtml(newsletter: Newsletter): string {
  const editorial = newsletter.editorial
    ? newsletter.editorial
        .split(/\n{2,}/)
        .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
        .join('\n')
    : `<p><em>${escapeHtml(newsletter.noEditorial)}</em></p>`;
  const figures = newsletter.figures
    .map(
      (f) => `<tr><th scope="row">${escapeHtml(f.label)}</th><td>${escapeHtml(f.value)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${newsletter.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(newsletter.title)}</title>
</head>
<body>
<main>
<h1>${escapeHtml(newsletter.title)}</h1>
<p>${escapeHtml(newsletter.period)}</p>
<p><small>${escapeHtml(newsletter.status)}</small></p>
<section>
<h2>${escapeHtml(newsletter.editorialHeading)}</h2>
${editorial}
</section>
<section>
<h2>${escapeHtml(newsletter.figuresHeading)}</h2>
<table>
${figures}
</table>
</section>
<section>
<h2>${escapeHtml(newsletter.chartHeading)}</h2>
${chartSvg(newsletter)}
</section>
</main>
</body>
</html>
`;
}
