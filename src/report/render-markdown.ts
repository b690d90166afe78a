/**
 * The report as Markdown: numbered sections, each sentence with its footnotes (`[^1]`), the
 * footnotes quoting the cited sentence with its document, and a closing list of sources.
 */
import type { Citation, Report } from './compose-report.js';

const SECTION_NUMBERS = '一二三四五六七八九十';

export function renderMarkdown(report: Report): string {
  const lines: string[] = [`# ${report.title}`, ''];
  const notes: Citation[] = [];
  const noteOf = (citation: Citation) => {
    const at = notes.findIndex((n) => n.documentId === citation.documentId && n.start === citation.start);
    if (at >= 0) return at + 1;
    notes.push(citation);
    return notes.length;
  };
  if (report.sections.length === 0) lines.push('所选范围内知识库中没有可用的合作信息。', '');
  for (const [i, section] of report.sections.entries()) {
    lines.push(`## ${SECTION_NUMBERS[i] ?? String(i + 1)}、${section.title}`, '');
    for (const sentence of section.sentences) {
      const marks = sentence.citations.map((c) => `[^${noteOf(c)}]`).join('');
      lines.push(`${sentence.text}${marks}`, '');
    }
  }
  const { accepted, proposed } = report.used;
  lines.push(
    `> 本报告依据知识库中经审核确认的事件 ${accepted} 个、尚未审核的抽取事件 ${proposed} 个写成；已否决的未被采用。`,
    '',
  );
  if (report.sources.length) {
    lines.push('## 资料来源', '');
    for (const [i, source] of report.sources.entries())
      lines.push(`${i + 1}. ${source.title}（${source.documentId.slice(0, 12)}）`);
    lines.push('');
  }
  for (const [i, note] of notes.entries())
    lines.push(`[^${i + 1}]: ${note.title}：“${note.sentence.replace(/\s+/g, '')}”`);
  return `${lines.join('\n').trimEnd()}\n`;
}
