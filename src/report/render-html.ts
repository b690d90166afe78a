/**
 * The report as one HTML page: each sentence's note numbers link to the document view at the
 * cited sentence (`/documents/ID?at=START` of the app at `baseUrl`), the notes quote it; the
 * figures are inline SVG, each with its numbered caption and the scope its numbers come from.
 */
import type { Report } from './compose-report.js';
import { figureSvg } from './render-figures.js';
import { FIGURES_HEADING, figureCaption } from './report-figures.js';
import { emptyScope, isEmpty, numberNotes, quoted, usedNote } from './report-notes.js';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

export function renderHtml(report: Report, baseUrl = ''): string {
  const { sections, notes } = numberNotes(report);
  const source = (n: number) => {
    const note = notes[n - 1];
    return note ? `${baseUrl}/documents/${encodeURIComponent(note.documentId)}?at=${note.start}` : '#';
  };
  const noteText = (n: number) => {
    const note = notes[n - 1];
    return note ? quoted(note) : '';
  };
  const body: string[] = [`<h1>${escapeHtml(report.title)}</h1>`];
  if (isEmpty(report)) body.push(`<p>${escapeHtml(emptyScope(report))}</p>`);
  for (const section of sections) {
    body.push(`<h2>${section.number}、${escapeHtml(section.title)}</h2>`);
    for (const sentence of section.sentences) {
      const marks = sentence.notes
        .map(
          (n) =>
            `<sup><a href="${escapeHtml(source(n))}" title="${escapeHtml(noteText(n))}">[${n}]</a></sup>`,
        )
        .join('');
      body.push(`<p>${escapeHtml(sentence.text)}${marks}</p>`);
    }
  }
  if (report.figures.length) body.push(`<h2>${FIGURES_HEADING}</h2>`);
  for (const [i, figure] of report.figures.entries()) {
    // ECharts escapes the text it draws; the SVG goes in as it is.
    body.push(
      `<figure id="figure-${i + 1}">`,
      figureSvg(figure),
      `<figcaption>${escapeHtml(figureCaption(i + 1, figure))}</figcaption>`,
      `<p class="figure-source">${escapeHtml(figure.source)}</p>`,
      '</figure>',
    );
  }
  body.push(`<p class="used">${usedNote(report)}</p>`);
  if (report.sources.length) {
    body.push('<h2>资料来源</h2>', '<ol class="sources">');
    for (const s of report.sources) body.push(`<li>${escapeHtml(s.title)}</li>`);
    body.push('</ol>');
  }
  if (notes.length) {
    body.push('<hr />', '<ol class="notes">');
    for (const [i, note] of notes.entries())
      body.push(
        `<li id="note-${i + 1}"><a href="${escapeHtml(source(i + 1))}">${escapeHtml(quoted(note))}</a></li>`,
      );
    body.push('</ol>');
  }
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8" />
<title>${escapeHtml(report.title)}</title>
<style>
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif; max-width: 46rem; margin: 2rem auto; line-height: 1.9; padding: 0 1rem; color: #1b1f24; }
h1 { text-align: center; font-size: 1.6rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; }
p { text-indent: 2em; margin: 0.5rem 0; }
sup a { text-decoration: none; }
.used { color: #555; font-size: 0.9rem; text-indent: 0; }
.notes { font-size: 0.85rem; color: #444; }
figure { margin: 1.5rem 0; text-align: center; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-weight: bold; }
.figure-source { color: #555; font-size: 0.85rem; text-indent: 0; }
</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
