import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { formatOfExtension } from './document-format.js';

function isHidden(path: string): boolean {
  return basename(path).startsWith('.');
}

async function collect(path: string, named: boolean, found: Set<string>): Promise<void> {
  let stats: Awaited<ReturnType<typeof stat>>;
  try {
    stats = await stat(path);
  } catch {
    // A missing path given by name is kept: reading it reports FILE_NOT_FOUND in the batch.
    if (named) found.add(path);
    return;
  }
  if (stats.isDirectory()) {
    const entries = await readdir(path);
    for (const entry of entries) {
      if (!isHidden(entry)) await collect(join(path, entry), false, found);
    }
  } else if (named || (stats.isFile() && formatOfExtension(path) !== undefined)) {
    found.add(path);
  }
}

/**
 * The document files a batch should read, sorted and without duplicates. Folders are walked
 * recursively, keeping files with a supported extension (`.txt .text .html .htm .pdf .docx`)
 * and skipping hidden files and folders. A path named directly is kept whatever its extension,
 * or even if it does not exist, so that reading it reports the error instead of hiding it.
 *
 * @example await listDocumentFiles(['inbox/', 'extra/report.pdf']) // → ['extra/report.pdf', 'inbox/a.txt', …]
 */
export async function listDocumentFiles(paths: string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const path of paths) await collect(path, true, found);
  return [...found].sort();
}
