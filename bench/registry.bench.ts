/**
 * `npm run bench:registry`: the registry's spreadsheets. A generated project ledger of
 * BENCH_PROJECTS rows (default 10,000, one in twenty bad) written as .xlsx; the baseline reads
 * and checks it without a store (exceljs and the row checks alone), then the same file is
 * imported into an empty SQLite store, imported again (nothing new), exported, and listed with
 * totals and the attention rules. Figures go to stdout and bench/results/registry-*.json.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readProjectRows } from '../src/registry/project-sheet.js';
import { readSheet, writeSheet } from '../src/registry/sheet-files.js';
import { registryTotals } from '../src/registry/totals.js';
import {
  attentionList,
  exportProjects,
  importProjects,
  listProjects,
} from '../src/services/registry.service.js';
import { openStore } from '../src/store/open-store.js';
import { projectSheet } from '../test/factories/project-sheet.js';
import { machine, timed, writeResults } from './results-file.js';

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 10_000);
const MB = 1024 * 1024;
const rssMB = () => Math.round(process.memoryUsage.rss() / MB);
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

async function main(): Promise<void> {
  const bad = Math.round(PROJECTS / 20);
  const sheet = projectSheet(PROJECTS - bad, bad);
  const xlsx = await writeSheet(sheet.rows, 'xlsx', '项目');
  const rows = sheet.rows.length - 1;

  const baseline = await timed(async () => readProjectRows(await readSheet(xlsx, 'ledger.xlsx')));
  const dir = mkdtempSync(join(tmpdir(), 'coopatlas-registry-bench-'));
  const store = await openStore({ dialect: 'sqlite', file: join(dir, 'registry.db') });
  try {
    const first = await timed(() => importProjects(store, xlsx, 'ledger.xlsx'));
    const again = await timed(() => importProjects(store, xlsx, 'ledger.xlsx'));
    const exported = await timed(() => exportProjects(store, 'xlsx'));
    const listed = await timed(async () => registryTotals(await listProjects(store)));
    const attention = await timed(() => attentionList(store, '2030-01-01'));
    const figures = {
      date: new Date().toISOString(),
      machine: machine(),
      rows,
      badRows: bad,
      xlsxMB: round(xlsx.byteLength / MB, 2),
      baseline: { seconds: round(baseline.seconds, 2), rowsPerSecond: Math.round(rows / baseline.seconds) },
      import: {
        seconds: round(first.seconds, 2),
        rowsPerSecond: Math.round(rows / first.seconds),
        ratioToBaseline: round(baseline.seconds / first.seconds, 2),
        added: first.value.added,
        failed: first.value.failed,
      },
      reimport: { seconds: round(again.seconds, 2), unchanged: again.value.unchanged },
      export: { seconds: round(exported.seconds, 2), mb: round(exported.value.byteLength / MB, 2) },
      listWithTotals: { seconds: round(listed.seconds, 2), projects: listed.value.all.projects },
      attention: { seconds: round(attention.seconds, 2), items: attention.value.length },
      peakRssMB: rssMB(),
    };
    writeResults('registry', figures);
    console.log(
      `registry: ${rows} rows (${bad} bad), ${figures.xlsxMB} MB .xlsx, load ${figures.machine.loadAverage}`,
    );
    console.log('| step | seconds | rows/s | note |');
    console.log('| --- | ---: | ---: | --- |');
    console.log(
      `| read and check, no store (baseline) | ${figures.baseline.seconds} | ${figures.baseline.rowsPerSecond} | |`,
    );
    console.log(
      `| import into SQLite | ${figures.import.seconds} | ${figures.import.rowsPerSecond} | ${figures.import.added} added, ${figures.import.failed} failed; ${figures.import.ratioToBaseline} of the baseline's rate |`,
    );
    console.log(
      `| import again | ${figures.reimport.seconds} | ${Math.round(rows / again.seconds)} | ${figures.reimport.unchanged} unchanged |`,
    );
    console.log(`| export .xlsx | ${figures.export.seconds} | | ${figures.export.mb} MB |`);
    console.log(
      `| list with totals | ${figures.listWithTotals.seconds} | | ${figures.listWithTotals.projects} projects |`,
    );
    console.log(`| attention rules | ${figures.attention.seconds} | | ${figures.attention.items} items |`);
    console.log(`peak RSS ${figures.peakRssMB} MB`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
