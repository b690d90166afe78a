import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { IngestError } from '../../core/errors.js';
import { decodeWithDeclaredCharset } from '../decode-text.js';
import type { FormatReader } from './format-reader.js';
import { declaredCharset, readHtmlMeta } from './html-meta.js';
import { blockText, linkDensity, type TextNodeLike } from './html-text.js';

/**
 * Readability's default (500 characters) is tuned for English; a short Chinese news item carries
 * the same information in a fraction of the characters.
 */
const MIN_ARTICLE_CHARACTERS = 100;

/**
 * Above this share of link text, what Readability found is a menu or a link list, not an
 * article: it returns its best candidate even on pages that have no article at all.
 */
const MAX_LINK_DENSITY = 0.5;

/** Navigation is never article text; removing it first keeps Readability from falling back on it. */
const NAVIGATION = 'nav, [role="navigation"], [role="menubar"]';

/**
 * Reads an HTML page: decodes it by BOM, `<meta charset>` or detection, keeps the main text
 * (navigation, footers and sidebars dropped by Readability) one block per line, and takes the
 * title and publication date from the meta tags.
 */
export const readHtml: FormatReader = async (bytes, path) => {
  const { text: html, encoding } = decodeWithDeclaredCharset(bytes, declaredCharset(bytes), path);
  const { document } = parseHTML(html);
  // Meta first: Readability rewrites the document it is given.
  const meta = readHtmlMeta(document);
  for (const element of document.querySelectorAll(NAVIGATION)) element.remove();
  let content: TextNodeLike | null | undefined;
  try {
    content = new Readability(document, {
      charThreshold: MIN_ARTICLE_CHARACTERS,
      // Hand back the DOM node rather than serialised HTML, so block structure can be read off it.
      serializer: (node: TextNodeLike) => node,
    }).parse()?.content;
  } catch (error) {
    throw new IngestError(
      'HTML_NO_TEXT',
      path,
      '网页结构无法解析，找不到正文 (unparseable HTML: no main text found)',
      {
        cause: error,
      },
    );
  }
  const text = content && linkDensity(content) <= MAX_LINK_DENSITY ? blockText(content) : '';
  if (!text) {
    throw new IngestError('HTML_NO_TEXT', path, '网页中没有找到正文 (no main text found in the HTML page)');
  }
  // Readability keeps the headline out of the body; it is part of the article all the same.
  const headline = meta.title?.trim();
  const withHeadline = headline && !text.startsWith(headline) ? `${headline}\n${text}` : text;
  return { text: withHeadline, encoding, ...meta };
};
