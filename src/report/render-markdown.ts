/**
 * The report as Markdown: numbered sections, each sentence with its footnotes (`[^1]`), the
 * footnotes quoting the cited sentence with its document, and a closing list of sources.
 */
import type { Report } from './compose-report.js';
import { emptyScope, isEmpty, numberNotes, quoted, usedNote } from './report-notes.js';

export function renderMarkdown(report: Report): string {
  const { sections, notes } = numberNotes(report);
  const lines: string[] = [`# ${report.title}`, ''];
  if (isEmpty(report)) lines.push(emptyScope(report), '');
  for (const section of sections) {
    lines.push(`## ${section.number}、${section.title}`, '');
    for (const sentence of section.sentences)
      lines.push(`${sentence.text}${sentence.notes.map((n) => `[^${n}]`).join('')}`, '');
  }
  lines.push(`> ${usedNote(report)}`, '');
  if (report.sources.length) {
    lines.push('## 资料来源', '');
    for (const [i, source] of report.sources.entries())
      lines.push(`${i + 1}. ${source.title}（${source.documentId.slice(0, 12)}）`);
    lines.push('');
  }
  for (const [i, note] of notes.entries()) lines.push(`[^${i + 1}]: ${quoted(note)}`);
  return `${lines.join('\n').trimEnd()}\n`;
}
