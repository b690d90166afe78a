/**
 * Reading order for the text of one PDF page. PDFs store text as positioned runs, in whatever
 * order the producer wrote them; newspapers set two to six columns side by side. This module
 * groups runs into lines by baseline, finds column gutters from where no text lies, and emits
 * each column top to bottom before the next, left to right. Line breaks stay where the PDF has
 * them; joining broken lines is the layout-repair stage's job, not this one's.
 */

/** A run of text at a position, in PDF user space (y grows upwards; x, y the baseline start). */
export interface PositionedText {
  text: string;
  x: number;
  y: number;
  width: number;
  /** Font size, or the run's height. */
  size: number;
}

interface Segment {
  x0: number;
  x1: number;
  y: number;
  size: number;
  text: string;
}

interface Line {
  y: number;
  size: number;
  segments: Segment[];
}

interface Gutter {
  start: number;
  end: number;
}

/** Runs whose baselines differ by less than this share of the font size are on one line. */
const SAME_LINE = 0.5;
/** A horizontal gap wider than this many font sizes separates two segments of a line. */
const SEGMENT_GAP = 1.0;
/** A gap wider than this many font sizes between runs of Latin text stands for a space. */
const WORD_GAP = 0.25;
/** Between CJK characters only a wider gap is a space: it is how an ideographic space is set. */
const CJK_WORD_GAP = 0.5;
/** A gutter must be at least this many font sizes wide. */
const MIN_GUTTER = 0.8;
/**
 * A gutter may still be crossed by a few runs (headlines and footers spanning columns): a strip
 * counts as free while it is covered by at most this share of the most covered strip.
 */
const GUTTER_CROSSING_SHARE = 0.34;
/** A run wider than this share of the text area spans columns rather than sitting in one. */
const WIDE_SEGMENT_SHARE = 0.55;
/** Each side of a gutter needs this many lines of its own for the gutter to divide columns. */
const MIN_COLUMN_LINES = 3;
/** A vertical gap wider than this many line pitches ends a block. */
const BLOCK_GAP = 1.6;

/** The lower median: of two line pitches, the ordinary one rather than the gap to a new block. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

const CJK_OR_FULL_WIDTH = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

function joinRuns(runs: PositionedText[], size: number): string {
  let text = '';
  let end = Number.NEGATIVE_INFINITY;
  for (const run of runs) {
    const gap = run.x - end;
    const before = text.at(-1) ?? '';
    const after = run.text[0] ?? '';
    const cjk = CJK_OR_FULL_WIDTH.test(before) && CJK_OR_FULL_WIDTH.test(after);
    if (text && gap > (cjk ? CJK_WORD_GAP : WORD_GAP) * size && !/\s/.test(before) && !/\s/.test(after)) {
      text += ' ';
    }
    text += run.text;
    end = Math.max(end, run.x + run.width);
  }
  return text;
}

function groupLines(runs: PositionedText[]): Line[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PositionedText[][] = [];
  for (const run of sorted) {
    const current = groups.at(-1);
    const first = current?.[0];
    if (current && first && Math.abs(first.y - run.y) <= SAME_LINE * Math.min(first.size, run.size)) {
      current.push(run);
    } else {
      groups.push([run]);
    }
  }
  return groups.map((group) => {
    const size = median(group.map((run) => run.size));
    const ordered = [...group].sort((a, b) => a.x - b.x);
    const segments: Segment[] = [];
    let pending: PositionedText[] = [];
    const flush = () => {
      const first = pending[0];
      if (!first) return;
      const x1 = Math.max(...pending.map((run) => run.x + run.width));
      segments.push({ x0: first.x, x1, y: first.y, size, text: joinRuns(pending, size) });
      pending = [];
    };
    let end = Number.NEGATIVE_INFINITY;
    for (const run of ordered) {
      if (pending.length > 0 && run.x - end > SEGMENT_GAP * size) flush();
      pending.push(run);
      end = Math.max(end, run.x + run.width);
    }
    flush();
    return { y: group[0]?.y ?? 0, size, segments };
  });
}

/**
 * Vertical strips free of text (but for a few crossing headlines) with enough text on both
 * sides: the gutters between columns.
 */
function findGutters(lines: Line[]): Gutter[] {
  const segments = lines.flatMap((line) => line.segments);
  if (segments.length === 0) return [];
  const left = Math.floor(Math.min(...segments.map((s) => s.x0)));
  const right = Math.ceil(Math.max(...segments.map((s) => s.x1)));
  // Runs wider than half the text area cannot sit in a column; leaving them out lets columns
  // above or below full-width prose on the same page still show their gutter.
  const narrow = segments.filter((s) => s.x1 - s.x0 <= WIDE_SEGMENT_SHARE * (right - left));
  if (narrow.length === 0) return [];
  const coverage = new Array<number>(Math.max(0, right - left)).fill(0);
  for (const segment of narrow) {
    for (let x = Math.floor(segment.x0) - left; x < Math.ceil(segment.x1) - left; x++) {
      coverage[x] = (coverage[x] ?? 0) + 1;
    }
  }
  const allowed = Math.max(...coverage) * GUTTER_CROSSING_SHARE;
  const minWidth = MIN_GUTTER * median(segments.map((s) => s.size));
  const gutters: Gutter[] = [];
  let start = -1;
  for (let x = 0; x <= coverage.length; x++) {
    const free = x < coverage.length && (coverage[x] ?? 0) <= allowed;
    if (free && start < 0) start = x;
    if (!free && start >= 0) {
      if (x - start >= minWidth && start > 0 && x < coverage.length) {
        gutters.push({ start: start + left, end: x + left });
      }
      start = -1;
    }
  }
  return gutters.filter((gutter) => {
    const linesLeft = lines.filter((line) => line.segments.some((s) => s.x1 <= gutter.start)).length;
    const linesRight = lines.filter((line) => line.segments.some((s) => s.x0 >= gutter.end)).length;
    return linesLeft >= MIN_COLUMN_LINES && linesRight >= MIN_COLUMN_LINES;
  });
}

function crossesGutter(segment: Segment, gutters: Gutter[]): boolean {
  return gutters.some((gutter) => segment.x0 < gutter.start && segment.x1 > gutter.end);
}

function columnOf(segment: Segment, gutters: Gutter[]): number {
  const centre = (segment.x0 + segment.x1) / 2;
  return gutters.filter((gutter) => gutter.end <= centre).length;
}

/** Lines of one column or one full-width band, with a blank line where the text jumps down. */
function renderLines(lines: { y: number; size: number; text: string }[], pitch: number): string[] {
  const out: string[] = [];
  let previous: { y: number; size: number } | undefined;
  for (const line of lines) {
    if (previous && previous.y - line.y > BLOCK_GAP * Math.max(pitch, line.size)) out.push('');
    out.push(line.text);
    previous = line;
  }
  return out;
}

function linePitch(lines: Line[]): number {
  const steps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const step = (lines[i - 1]?.y ?? 0) - (lines[i]?.y ?? 0);
    if (step > 0) steps.push(step);
  }
  return steps.length > 0 ? median(steps) : median(lines.map((line) => line.size)) * 1.2;
}

/**
 * The text of one page in reading order: full-width bands (headlines across columns) where
 * they stand, and between them each column top to bottom, left column first. Lines keep their
 * breaks; blocks and columns are separated by a blank line.
 *
 * @example
 * // two columns side by side: '左栏第一行\n左栏第二行…\n\n右栏第一行\n右栏第二行…'
 */
export function layoutPageText(runs: PositionedText[]): string {
  const lines = groupLines(runs.filter((run) => run.text.trim().length > 0));
  const gutters = findGutters(lines);
  const pitch = linePitch(lines);
  const blocks: string[][] = [];
  let band: Line[] = [];
  const flushColumns = () => {
    if (band.length === 0) return;
    for (let column = 0; column <= gutters.length; column++) {
      const columnLines = band
        .map((line) => ({
          y: line.y,
          size: line.size,
          text: line.segments
            .filter((segment) => columnOf(segment, gutters) === column)
            .map((segment) => segment.text)
            .join(' '),
        }))
        .filter((line) => line.text.length > 0);
      if (columnLines.length > 0) blocks.push(renderLines(columnLines, pitch));
    }
    band = [];
  };
  let wide: Line[] = [];
  const flushWide = () => {
    if (wide.length === 0) return;
    blocks.push(
      renderLines(
        wide.map((line) => ({
          y: line.y,
          size: line.size,
          text: line.segments.map((s) => s.text).join(' '),
        })),
        pitch,
      ),
    );
    wide = [];
  };
  for (const line of lines) {
    if (gutters.length > 0 && line.segments.some((segment) => crossesGutter(segment, gutters))) {
      flushColumns();
      wide.push(line);
    } else {
      flushWide();
      band.push(line);
    }
  }
  flushColumns();
  flushWide();
  return blocks.map((block) => block.join('\n')).join('\n\n');
}
