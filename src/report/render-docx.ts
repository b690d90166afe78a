/**
 * The report as a Word document (docx): a title, numbered section headings, body paragraphs
 * indented the Chinese way, each sentence's sources as real footnotes quoting the cited
 * sentence, and the list of sources at the end.
 */
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import type { Report } from './compose-report.js';
import { EMPTY_SCOPE, numberNotes, quoted, usedNote } from './report-notes.js';

const FONT = { ascii: 'Times New Roman', eastAsia: 'SimSun', hAnsi: 'Times New Roman' };
/** Two characters of a 12-point body: the first-line indent of Chinese official prose. */
const INDENT = 480;

const body = (children: Array<TextRun | FootnoteReferenceRun>) =>
  new Paragraph({ children, indent: { firstLine: INDENT }, spacing: { line: 360 } });

export async function renderDocx(report: Report): Promise<Buffer> {
  const { sections, notes } = numberNotes(report);
  const children: Paragraph[] = [
    new Paragraph({ text: report.title, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
  ];
  if (sections.length === 0) children.push(body([new TextRun(EMPTY_SCOPE)]));
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
