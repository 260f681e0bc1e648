import PDFDocument from 'pdfkit';
import { barLengths, Newsletter } from './newsletter';

const COLOURS = { EUR: '#2b6cb0', SOL: '#c05621' } as const;

/**
 * The standard PDF fonts (WinAnsi) have no narrow no-break space, which French groups thousands
 * with: the PDF writes a no-break space instead, the same figure to a reader.
 */
const winAnsi = (text: string) => text.replace(/\u202f/g, '\u00a0');

/** The newsletter as a PDF: the same words and figures as the page, the chart drawn as vectors. */
export function newsletterPdf(newsletter: Newsletter): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    lang: newsletter.language,
    info: { Title: winAnsi(newsletter.title) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const heading = (text: string) =>
    doc
      .moveDown()
      .font('Helvetica-Bold')
      .fontSize(14)
      .text(winAnsi(text))
      .font('Helvetica')
      .fontSize(11);

  doc.font('Helvetica-Bold').fontSize(20).text(winAnsi(newsletter.title));
  doc
    .font('Helvetica')
    .fontSize(11)
    .text(winAnsi(newsletter.period))
    .text(winAnsi(newsletter.status));

  heading(newsletter.editorialHeading);
  doc.text(winAnsi(newsletter.editorial ?? newsletter.noEditorial));

  heading(newsletter.figuresHeading);
  for (const figure of newsletter.figures) {
    const y = doc.y;
    doc.text(winAnsi(figure.label), 50, y, { width: 330 });
    doc.text(winAnsi(figure.value), 390, y, { width: 155, align: 'right' });
    doc.x = 50;
  }

  heading(newsletter.chartHeading);
  const labelWidth = 110;
  const lengths = barLengths(newsletter, 250);
  let y = doc.y + 4;
  newsletter.chart.forEach((month, m) => {
    doc.fillColor('black').text(winAnsi(month.month), 50, y, { width: labelWidth });
    month.bars.forEach((bar, b) => {
      const top = y + b * 16;
      doc.rect(50 + labelWidth, top, Math.max(lengths[m][b], 0.5), 12).fill(COLOURS[bar.unit]);
      doc
        .fillColor('black')
        .fontSize(9)
        .text(winAnsi(bar.text), 50 + labelWidth + lengths[m][b] + 4, top + 2, { lineBreak: false })
        .fontSize(11);
    });
    y += 2 * 16 + 8;
  });
  doc.end();
  return done;
}
