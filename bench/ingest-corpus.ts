/**
 * A large store for the benchmarks: the generated corpus ingested the way an office ingests its
 * folders, through the extraction workers, with progress on stderr.
 */
import { ExtractionPool, writingPoolSize } from '../src/services/extraction-pool.js';
import { type IngestOptions, type IngestSummary, ingestPaths } from '../src/services/ingest-files.service.js';
import type { Store } from '../src/store/open-store.js';

/** Ingests the corpus folder into the store; `onFile` sees each file as the ingest does. */
export async function ingestCorpus(
  store: Store,
  corpus: string,
  name: string,
  onFile?: IngestOptions['onFile'],
): Promise<IngestSummary> {
  const pool = new ExtractionPool(writingPoolSize());
  try {
    return await ingestPaths(store, [corpus], {
      pool,
      onFile: (result, done, total) => {
        onFile?.(result, done, total);
        if (done % 5000 === 0) process.stderr.write(`  ${name}: ${done}/${total}\n`);
      },
    });
  } finally {
    await pool.close();
  }
}
