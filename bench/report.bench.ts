/**
 * `npm run bench:report`: the cooperation status report on a large store. The generated corpus
 * of BENCH_DOCS documents (default 100,000) is ingested into SQLite, then the report of one
 * region and a five-year period is written (the first time on a store just opened, then again)
 * and rendered as Markdown, HTML and DOCX with its figures. The registry holds the generated
 * ledger of BENCH_PROJECTS projects (default 10,000, the registry bench's), imported once, whose
 * projects the report narrows to its scope too. BENCH_REPORT_DB names a store file
 * to keep: built there when missing, reused when present. Figures go to stdout and
 * bench/results/report-*.json.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSheet } from '../src/registry/sheet-files.js';
import { renderDocx } from '../src/report/render-docx.js';
import { renderHtml } from '../src/report/render-html.js';
import { renderMarkdown } from '../src/report/render-markdown.js';
import { importProjects, listProjectStatuses } from '../src/services/registry.service.js';
import { type ReportScope, writeReport } from '../src/services/report.service.js';
import { readStats } from '../src/services/stats.service.js';
import { openStore, type Store } from '../src/store/open-store.js';
import { projectSheet } from '../test/factories/project-sheet.js';
import { largeStoreFile } from './large-store.js';
import { machine, timed, writeResults } from './results-file.js';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const DOCS = Number(process.env.BENCH_DOCS ?? 100_000);
const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 10_000);
const KEPT = process.env.BENCH_REPORT_DB ? resolve(process.env.BENCH_REPORT_DB) : undefined;
const SCOPE: ReportScope = { region: '重庆', from: 2016, to: 2020 };
const TARGET_SECONDS = 5;
const REPEATS = 3;
const MB = 1024 * 1024;
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** The registry's projects: the generated ledger imported when the store has none yet. */
async function withLedger(store: Store): Promise<{ projects: number; importSeconds?: number }> {
  const known = (await listProjectStatuses(store)).length;
  if (known > 0 || PROJECTS === 0) return { projects: known };
  const csv = await writeSheet(projectSheet(PROJECTS, 0).rows, 'csv', '项目');
  const { value, seconds } = await timed(() => importProjects(store, csv, 'ledger.csv'));
  return { projects: value.added, importSeconds: round(seconds) };
}

async function measure(store: Store) {
  const first = await timed(() => writeReport(store, SCOPE));
  const again: number[] = [];
  for (let i = 0; i < REPEATS; i++) again.push((await timed(() => writeReport(store, SCOPE))).seconds);
  const report = first.value;
  const markdown = await timed(() => renderMarkdown(report));
  const html = await timed(() => renderHtml(report));
  const docx = await timed(() => renderDocx(report));
  return {
    report,
    write: { firstSeconds: round(first.seconds), againMedianSeconds: round(median(again)) },
    render: {
      markdown: { seconds: round(markdown.seconds), kb: Math.round(markdown.value.length / 1024) },
      html: { seconds: round(html.seconds), kb: Math.round(html.value.length / 1024) },
      docx: { seconds: round(docx.seconds), kb: Math.round(docx.value.byteLength / 1024) },
    },
  };
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'coopatlas-report-bench-'));
  try {
    const { file, buildSeconds } = await largeStoreFile(ROOT, DOCS, work, KEPT);
    const store = await openStore({ dialect: 'sqlite', file });
    try {
      const registry = await withLedger(store);
      const stats = await readStats(store);
      const { report, write, render } = await measure(store);
      const sentences = report.sections.reduce((n, s) => n + s.sentences.length, 0);
      const writeSeconds = write.firstSeconds;
      const figures = {
        date: new Date().toISOString(),
        machine: machine(),
        store: {
          documents: stats.documents,
          events: Object.values(stats.events).reduce(
            (n, years) => n + Object.values(years).reduce((m, c) => m + c, 0),
            0,
          ),
          mb: Math.round(statSync(file).size / MB),
          ...(buildSeconds !== undefined ? { buildSeconds: Math.round(buildSeconds) } : {}),
        },
        registry,
        scope: SCOPE,
        report: {
          sections: report.sections.length,
          sentences,
          sources: report.sources.length,
          figures: report.figures.length,
          events: report.used.accepted + report.used.proposed,
        },
        write,
        render,
        /** The target is on writing the report (reading and composing it), on a store just opened. */
        target: { seconds: TARGET_SECONDS, writeSeconds, met: writeSeconds < TARGET_SECONDS },
        peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      };
      writeResults('report', figures);
      console.log(
        `report of ${SCOPE.region} ${SCOPE.from}–${SCOPE.to}: ${figures.store.documents} documents, ${figures.store.events} events and ${registry.projects} registry projects in the store, ${figures.report.events} events in scope; load ${figures.machine.loadAverage}`,
      );
      console.log('| step | seconds | note |');
      console.log('| --- | ---: | --- |');
      console.log(
        `| write, store just opened | ${write.firstSeconds} | ${figures.report.sections} sections, ${sentences} sentences, ${figures.report.sources} sources |`,
      );
      console.log(`| write again (median of ${REPEATS}) | ${write.againMedianSeconds} | |`);
      console.log(`| render Markdown | ${render.markdown.seconds} | ${render.markdown.kb} KB |`);
      console.log(`| render HTML with figures | ${render.html.seconds} | ${render.html.kb} KB |`);
      console.log(
        `| render DOCX with figures | ${render.docx.seconds} | ${render.docx.kb} KB, ${figures.report.figures} figures |`,
      );
      console.log(
        `write: ${writeSeconds} s (target under ${TARGET_SECONDS} s: ${figures.target.met ? 'met' : 'missed'}); peak RSS ${figures.peakRssMB} MB`,
      );
    } finally {
      await store.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
