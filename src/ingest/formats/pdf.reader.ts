import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { IngestError } from '../../core/errors.js';
import type { FormatReader } from './format-reader.js';
import { layoutPageText, type PositionedText } from './pdf-layout.js';

/**
 * pdfjs-dist ships the Adobe CJK character maps and the standard fonts as files; in Node it
 * reads them by plain file path, which must end in a separator. Without the maps, text set in
 * non-embedded Chinese fonts (STSong-Light with UniGB-UCS2-H …) comes out empty or wrong.
 */
const PDFJS_ROOT = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const CMAP_DIR = `${join(PDFJS_ROOT, 'cmaps')}/`;
const STANDARD_FONT_DIR = `${join(PDFJS_ROOT, 'standard_fonts')}/`;
const WASM_DIR = `${join(PDFJS_ROOT, 'wasm')}/`;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

/**
 * pdf.js, loaded with the first PDF. Its Node build bundles core-js, which replaces the global
 * `JSON.stringify` with a slower polyfill (for `JSON.rawJSON`, which nothing here uses); every
 * statement id and every HTTP response is made with `JSON.stringify`, so the engine's own is put
 * back once pdf.js has loaded. Documents that are not PDFs never load pdf.js at all.
 */
function loadPdfJs(): Promise<PdfJs> {
  if (!pdfjs) {
    const stringify = JSON.stringify;
    pdfjs = import('pdfjs-dist/legacy/build/pdf.mjs').then((module) => {
      JSON.stringify = stringify;
      return module;
    });
  }
  return pdfjs;
}

/** pdf.js verbosity: errors only, so a damaged font does not flood the log. */
const VERBOSITY_ERRORS = 0;

/** Only the tail is searched: `%%EOF` closes the file, possibly followed by a little padding. */
const EOF_WINDOW = 2048;

/** Whether the file ends the way every complete PDF ends; a cut-off download does not. */
function hasEndOfFileMarker(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - EOF_WINDOW))).toString('latin1');
  return tail.includes('%%EOF');
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

function toPositioned(item: TextItemLike): PositionedText {
  const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
  // The font size is the length of the transformed unit vectors; height is 0 for some fonts.
  const size = item.height > 0 ? item.height : Math.max(Math.hypot(a, b), Math.hypot(c, d));
  return { text: item.str, x, y, width: item.width, size: size > 0 ? size : 1 };
}

function invalid(path: string, reason: string, cause?: unknown): IngestError {
  return new IngestError('PDF_INVALID', path, reason, { cause });
}

/**
 * Reads a PDF's text layer page by page in reading order (columns kept apart, see
 * `layoutPageText`), pages separated by a blank line. Title from the document information.
 * Scanned PDFs without a text layer are refused with `PDF_NO_TEXT`: there is no OCR here.
 */
export const readPdf: FormatReader = async (bytes, path) => {
  if (!hasEndOfFileMarker(bytes)) {
    throw invalid(path, 'PDF 文件不完整：缺少结尾标记 %%EOF，可能被截断 (truncated PDF: no %%EOF marker)');
  }
  const { getDocument } = await loadPdfJs();
  const task = getDocument({
    // pdf.js may take ownership of the buffer it is given; the caller's bytes stay intact.
    data: new Uint8Array(bytes),
    cMapUrl: CMAP_DIR,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONT_DIR,
    wasmUrl: WASM_DIR,
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: VERBOSITY_ERRORS,
  });
  try {
    let pdf: Awaited<typeof task.promise>;
    try {
      pdf = await task.promise;
    } catch (error) {
      if (error instanceof Error && error.name === 'PasswordException') {
        throw invalid(path, 'PDF 文件已加密，需要密码 (encrypted PDF: a password is required)', error);
      }
      throw invalid(
        path,
        `PDF 文件损坏，无法解析 (corrupt PDF: ${error instanceof Error ? error.message : String(error)})`,
        error,
      );
    }
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      try {
        const page = await pdf.getPage(number);
        const content = await page.getTextContent();
        pages.push(
          layoutPageText(content.items.flatMap((item) => ('str' in item ? [toPositioned(item)] : []))),
        );
        page.cleanup();
      } catch (error) {
        throw invalid(path, `PDF 第 ${number} 页损坏，无法读取文字 (corrupt PDF page ${number})`, error);
      }
    }
    const text = pages.filter((page) => page.trim().length > 0).join('\n\n');
    if (!text.trim()) {
      throw new IngestError(
        'PDF_NO_TEXT',
        path,
        'PDF 没有文字层（可能是扫描件，需要先做文字识别） (PDF has no text layer: scanned images need OCR first)',
      );
    }
    const info = await pdf.getMetadata().then(
      (metadata) => metadata.info as { Title?: unknown } | undefined,
      () => undefined,
    );
    const title = typeof info?.Title === 'string' ? info.Title.trim() : '';
    return { text, encoding: 'unicode', ...(title ? { title } : {}) };
  } finally {
    await task.destroy();
  }
};
