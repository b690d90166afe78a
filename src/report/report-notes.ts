/**
 * The report's footnotes, numbered as a reader meets them: one note per cited sentence, however
 * many sentences of the report cite it. Every format renders the same numbers.
 */
import type { Citation, Report } from './compose-report.js';
import { scopeWords } from './report-prose.js';

export interface NumberedSentence {
  text: string;
  notes: number[];
}

export interface NumberedReport {
  sections: Array<{ number: string; title: string; sentences: NumberedSentence[] }>;
  /** Note n is `notes[n - 1]`. */
  notes: Citation[];
}

const SECTION_NUMBERS = '一二三四五六七八九十';

export function numberNotes(report: Report): NumberedReport {
  const notes: Citation[] = [];
  const noteOf = (citation: Citation) => {
    const at = notes.findIndex((n) => n.documentId === citation.documentId && n.start === citation.start);
    if (at >= 0) return at + 1;
    notes.push(citation);
    return notes.length;
  };
  return {
    sections: report.sections.map((section, i) => ({
      number: SECTION_NUMBERS[i] ?? String(i + 1),
      title: section.title,
      sentences: section.sentences.map((s) => ({ text: s.text, notes: s.citations.map(noteOf) })),
    })),
    notes,
  };
}

/** What the report says when its scope holds nothing: plainly, in Chinese and then in English. */
export function emptyScope(report: Report): string {
  const words = scopeWords(report.scope);
  return `所选范围${words ? `（${words}）` : ''}内知识库中没有可用的合作信息，无可报告的内容。（Nothing to report: the knowledge base holds no cooperation in the chosen scope.）`;
}

/** Whether the report has nothing to tell: no section and no figure. */
export const isEmpty = (report: Report) => report.sections.length === 0 && report.figures.length === 0;

/** Which statements the report used. */

export function usedNote(report: Report): string {
  const { accepted, proposed } = report.used;
  return `本报告依据知识库中经审核确认的事件 ${accepted} 个、尚未审核的抽取事件 ${proposed} 个写成；已否决的未被采用。`;
}

/** A cited sentence as its footnote quotes it, without the layout's line breaks. */
export const quoted = (note: Citation) => `${note.title}：“${note.sentence.replace(/\s+/g, '')}”`;
