/** The benchmark's figures, as JSON and as the plain-text tables printed to stdout. */
import type { Stage, StageMeasurement, Startup } from './measure.js';

export const MB = 1024 * 1024;

export interface Machine {
  cpu: string;
  cores: number;
  node: string;
  platform: string;
  memoryMB: number;
  /** One-minute load average when the run began: other work on the machine skews the figures. */
  loadAverage: number;
}

export interface CorpusSummary {
  seed: number;
  requestedMB: number;
  documents: number;
  bytes: number;
  mb: number;
  smallestDocumentBytes: number;
  largestDocumentBytes: number;
  sourceDocuments: number;
  sentences: number;
  generateSeconds: number;
}

export interface StageFigures {
  stage: Stage;
  corpusMB: number;
  documents: number;
  seconds: number;
  mbPerSecond: number;
  docsPerSecond: number;
  peakRssMB: number;
  rssReadyMB: number;
  /** Tokens (segmenter) or facts (pipeline) produced. */
  units: number;
  errors: number;
  firstError?: string;
  startup: Startup;
}

export interface Target {
  name: string;
  value: number | null;
  /** The value as people read it: `33 %`, `1.52 MB/s`. */
  shown: string;
  target: number;
  met: boolean;
}

export interface Failure {
  stage: Stage;
  limitMB: number;
  error: string;
}

export interface BenchReport {
  date: string;
  machine: Machine;
  code: { commit: string; uncommittedChanges: boolean };
  corpus: CorpusSummary;
  /** Documents run before measuring; the measured run then starts again from the first document. */
  warmupDocuments: number;
  /** The segmenter and the pipeline over the whole corpus. */
  stages: StageFigures[];
  /** The pipeline over growing prefixes of the corpus; the last is the whole-corpus run. */
  memory: StageFigures[];
  ratio: number | null;
  targets: Target[];
  failures: Failure[];
  totalSeconds: number;
}

export function figures(m: StageMeasurement): StageFigures {
  const f: StageFigures = {
    stage: m.stage,
    corpusMB: round(m.bytes / MB, 2),
    documents: m.documents,
    seconds: round(m.seconds, 3),
    mbPerSecond: round(m.bytes / MB / m.seconds, 3),
    docsPerSecond: round(m.documents / m.seconds, 1),
    peakRssMB: round(m.peakRssMB, 1),
    rssReadyMB: round(m.rssReadyMB, 1),
    units: m.units,
    errors: m.errors,
    startup: {
      bootMs: round(m.startup.bootMs, 0),
      importMs: round(m.startup.importMs, 0),
      firstDocumentMs: round(m.startup.firstDocumentMs, 0),
      warmupMs: round(m.startup.warmupMs, 0),
      readyMs: round(m.startup.readyMs, 0),
    },
  };
  if (m.firstError) f.firstError = m.firstError;
  return f;
}

export function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Aligns columns: the first left, the others right. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const fixed = (value: number, digits: number) => value.toFixed(digits);

export function formatReport(report: BenchReport): string {
  const { machine, corpus } = report;
  const out: string[] = [];
  out.push(`CoopAtlas extraction benchmark, ${report.date}`);
  out.push(
    `machine: ${machine.cpu} (${machine.cores} cores, ${machine.memoryMB} MB), node ${machine.node}, ${machine.platform}, load ${fixed(machine.loadAverage, 2)}`,
  );
  out.push(
    `code:    ${report.code.commit}${report.code.uncommittedChanges ? ' with uncommitted changes' : ''}`,
  );
  out.push(
    `corpus:  ${corpus.documents} documents, ${fixed(corpus.mb, 2)} MB UTF-8 ` +
      `(${fixed(corpus.smallestDocumentBytes / 1024, 1)}–${fixed(corpus.largestDocumentBytes / 1024, 1)} KB each), ` +
      `seed ${corpus.seed}, recombined from ${corpus.sentences} sentences of ${corpus.sourceDocuments} documents ` +
      `in ${fixed(corpus.generateSeconds, 1)} s`,
  );
  out.push('');
  const row = (f: StageFigures) => [
    f.stage,
    fixed(f.corpusMB, 2),
    fixed(f.seconds, 2),
    fixed(f.mbPerSecond, 2),
    fixed(f.docsPerSecond, 1),
    fixed(f.peakRssMB, 1),
  ];
  const header = ['stage', 'corpus MB', 'seconds', 'MB/s', 'docs/s', 'peak RSS MB'];
  out.push(table(header, report.stages.map(row)));
  out.push('');
  out.push(`pipeline / segmenter throughput: ${report.ratio === null ? 'n/a' : fixed(report.ratio, 2)}`);
  for (const t of report.targets) {
    out.push(
      `target ${t.name}: ${t.value === null ? 'not measured' : `${t.met ? 'met' : 'not met'} (${t.shown})`}`,
    );
  }
  out.push('');
  out.push(
    `start-up: boot, imports, first document (dictionaries), warm-up to document ${report.warmupDocuments}; not in the seconds above`,
  );
  out.push(
    table(
      ['stage', 'boot ms', 'import ms', 'first doc ms', 'warm-up ms', 'ready ms', 'RSS ready MB'],
      report.stages.map((f) => [
        f.stage,
        fixed(f.startup.bootMs, 0),
        fixed(f.startup.importMs, 0),
        fixed(f.startup.firstDocumentMs, 0),
        fixed(f.startup.warmupMs, 0),
        fixed(f.startup.readyMs, 0),
        fixed(f.rssReadyMB, 1),
      ]),
    ),
  );
  if (report.memory.length > 0) {
    out.push('');
    out.push('memory as the corpus grows (pipeline, one process per prefix)');
    out.push(table(header, report.memory.map(row)));
    const first = report.memory[0];
    const last = report.memory[report.memory.length - 1];
    if (first && last && last !== first) {
      const growth = last.peakRssMB - first.peakRssMB;
      out.push(
        `peak RSS from ${fixed(first.corpusMB, 1)} to ${fixed(last.corpusMB, 1)} MB of corpus: ` +
          `${growth >= 0 ? '+' : ''}${fixed(growth, 1)} MB (${fixed((growth / first.peakRssMB) * 100, 1)} %)`,
      );
    }
  }
  const issues = [
    ...report.stages
      .concat(report.memory)
      .flatMap((f) =>
        f.errors > 0
          ? [`${f.stage} (${fixed(f.corpusMB, 2)} MB): ${f.errors} documents failed, first: ${f.firstError}`]
          : [],
      ),
    ...report.failures.map((f) => `${f.stage} (${fixed(f.limitMB, 2)} MB): not measured: ${f.error}`),
  ];
  if (issues.length > 0) out.push('', ...[...new Set(issues)]);
  out.push('', `total ${fixed(report.totalSeconds, 1)} s`);
  return out.join('\n');
}
