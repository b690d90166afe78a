/**
 * A knowledge base of generated documents for the benchmarks that query one: the corpus of
 * `corpus.ts` written as files and ingested into SQLite. A kept file that is already there is
 * used as it is, so a second run measures the queries without ingesting again.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/open-store.js';
import { writeCorpusFiles } from './corpus.js';
import { ingestCorpus } from './ingest-corpus.js';
import { timed } from './results-file.js';

/**
 * The store file of `documents` generated documents: `kept` when it is there, else built there
 * (or in `work` when nothing is to be kept), with the seconds the ingest took.
 */
export async function largeStoreFile(
  root: string,
  documents: number,
  work: string,
  kept?: string,
): Promise<{ file: string; buildSeconds?: number }> {
  const file = kept ?? join(work, 'large.db');
  if (kept && existsSync(kept)) return { file };
  const corpus = mkdtempSync(join(tmpdir(), 'coopatlas-large-corpus-'));
  try {
    process.stderr.write(`writing ${documents} documents…\n`);
    writeCorpusFiles(root, corpus, documents);
    process.stderr.write('ingesting into SQLite…\n');
    const store = await openStore({ dialect: 'sqlite', file });
    try {
      const { seconds } = await timed(() => ingestCorpus(store, corpus, 'SQLite'));
      await store.checkpoint({ truncate: true });
      return { file, buildSeconds: seconds };
    } finally {
      await store.close();
    }
  } finally {
    rmSync(corpus, { recursive: true, force: true });
  }
}
