import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listDocumentFiles } from './list-files.js';

describe('listDocumentFiles', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'coopatlas-list-'));
    await mkdir(join(root, 'news', '2023'), { recursive: true });
    await mkdir(join(root, '.git'));
    for (const file of [
      'news/2023/b.pdf',
      'news/2023/a.HTML',
      'news/report.docx',
      'news/notes.text',
      'news/page.htm',
      'news/photo.png',
      'news/.draft.txt',
      '.git/config.txt',
      'agreement.txt',
      'odd.xyz',
    ]) {
      await writeFile(join(root, file), 'x');
    }
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('walks folders recursively, keeps supported extensions and skips hidden files, sorted', async () => {
    expect(await listDocumentFiles([root])).toEqual(
      [
        'agreement.txt',
        'news/2023/a.HTML',
        'news/2023/b.pdf',
        'news/notes.text',
        'news/page.htm',
        'news/report.docx',
      ].map((file) => join(root, file)),
    );
  });

  it('keeps a file named directly whatever its extension, and a missing one, so reading reports it', async () => {
    const odd = join(root, 'odd.xyz');
    const missing = join(root, 'missing.pdf');
    expect(await listDocumentFiles([missing, odd])).toEqual([missing, odd].sort());
  });

  it('lists a file once when it is named and also inside a named folder', async () => {
    const file = join(root, 'agreement.txt');
    const files = await listDocumentFiles([file, root, file]);
    expect(files.filter((path) => path === file)).toHaveLength(1);
  });
});
