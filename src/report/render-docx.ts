/**
 * The report as a Word document (docx): a title, numbered section headings, body paragraphs
 * indented the Chinese way, each sentence's sources as real footnotes quoting the cited
 * sentence, the figures as pictures with numbered captions, and the list of sources at the end.
 */
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import type { Report } from './compose-report.js';
import { FIGURE_WIDTH, figureHeight, figureSvg, svgToPng } from './render-figures.js';
import { FIGURES_HEADING, figureCaption, type ReportFigure } from './report-figures.js';
import { emptyScope, isEmpty, numberNotes, quoted, usedNote } from './report-notes.js';

const FONT = { ascii: 'Times New Roman', eastAsia: 'SimSun', hAnsi: 'Times New Roman' };
/** Two characters of a 12-point body: the first-line indent of Chinese official prose. */
const INDENT = 480;

/** Pixels a figure takes on the page: the width of an A4 page's text. */
const PAGE_WIDTH = 600;

const body = (children: Array<TextRun | FootnoteReferenceRun>) =>
  new Paragraph({ children, indent: { firstLine: INDENT }, spacing: { line: 360 } });

/** A figure as a picture, its caption and the scope its numbers come from, centred. */
async function figureParagraphs(n: number, figure: ReportFigure): Promise<Paragraph[]> {
  const png = await svgToPng(figureSvg(figure));
  const height = Math.round((figureHeight(figure) * PAGE_WIDTH) / FIGURE_WIDTH);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width: PAGE_WIDTH, height },
          altText: { name: `图${n}`, title: figure.title, description: figure.source },
        }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [new TextRun({ text: figureCaption(n, figure), bold: true })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: figure.source, size: 20, color: '555555' })],
    }),
  ];
}

export async function renderDocx(report: Report): Promise<Buffer> {
  const { sections, notes } = numberNotes(report);
  const figures = await Promise.all(report.figures.map((figure, i) => figureParagraphs(i + 1, figure)));
  const children: Paragraph[] = [
    new Paragraph({ text: report.title, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
  ];
  if (isEmpty(report)) children.push(body([new TextRun(emptyScope(report))]));
  for (const section of sections) {
    children.push(
      new Paragraph({ text: `${section.number}、${section.title}`, heading: HeadingLevel.HEADING_1 }),
    );
    for (const sentence of section.sentences) {
      children.push(
        body([new TextRun(sentence.text), ...sentence.notes.map((n) => new FootnoteReferenceRun(n))]),
      );
    }
  }
  if (figures.length)
    children.push(new Paragraph({ text: FIGURES_HEADING, heading: HeadingLevel.HEADING_1 }));
  children.push(...figures.flat());
  children.push(body([new TextRun({ text: usedNote(report), italics: true })]));
  if (report.sources.length) {
    children.push(new Paragraph({ text: '资料来源', heading: HeadingLevel.HEADING_1 }));
    for (const [i, source] of report.sources.entries())
      children.push(new Paragraph({ text: `${i + 1}. ${source.title}` }));
  }
  const document = new Document({
    creator: 'CoopAtlas',
    title: report.title,
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    footnotes: Object.fromEntries(
      notes.map((note, i) => [String(i + 1), { children: [new Paragraph(quoted(note))] }]),
    ),
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
