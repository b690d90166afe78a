/**
 * Metadata of an HTML page read from its `<head>`: declared charset, title and publication date.
 * Works on the DOM linkedom builds, before Readability rewrites it.
 */

/** Meta names that carry a publication date, most specific first. Compared lower-cased. */
const PUBLISHED_META_KEYS = [
  'article:published_time',
  'og:published_time',
  'og:article:published_time',
  'datepublished',
  'publishdate',
  'publish_date',
  'publication_date',
  'pubdate',
  'pubtime',
  'firstpublishedtime',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date',
  'dcterms.date',
  'date',
] as const;

/** Minimal view of the DOM this module needs; linkedom's elements satisfy it. */
interface MetaSource {
  querySelectorAll(selector: string): Iterable<{ getAttribute(name: string): string | null }>;
  querySelector(selector: string): { textContent: string | null } | null;
}

const CHARSET_META = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i;

/**
 * The charset an HTML page declares in a `<meta>` tag within its first 4 KB, lower-cased.
 * Read from the raw bytes as latin1 because the tag itself is ASCII in every encoding we read.
 */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  return CHARSET_META.exec(head)?.[1]?.toLowerCase();
}

/**
 * `YYYY-MM-DD` from the date forms pages put in meta tags: ISO timestamps, `2023/05/18`,
 * `2023.5.18`, `2023年5月18日`, `20230518`. The date is taken as written, without time-zone
 * conversion, since it is the date the page itself states. Undefined when no valid date.
 *
 * @example parseMetaDate('2023-05-18T09:30:00+08:00') // → '2023-05-18'
 */
export function parseMetaDate(value: string): string | undefined {
  const match =
    /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(value) ??
    /^\s*(\d{4})(\d{2})(\d{2})(?!\d)/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function metaContents(document: MetaSource): Map<string, string> {
  const contents = new Map<string, string>();
  for (const meta of document.querySelectorAll('meta')) {
    const key = meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop');
    const content = meta.getAttribute('content');
    if (key && content?.trim() && !contents.has(key.toLowerCase()))
      contents.set(key.toLowerCase(), content.trim());
  }
  return contents;
}

/** Title (`og:title`, else `<title>`) and publication date from a page's meta tags. */
export function readHtmlMeta(document: MetaSource): { title?: string; published?: string } {
  const metas = metaContents(document);
  const title = (metas.get('og:title') ?? document.querySelector('title')?.textContent ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  let published: string | undefined;
  for (const key of PUBLISHED_META_KEYS) {
    const value = metas.get(key);
    published = value === undefined ? undefined : parseMetaDate(value);
    if (published) break;
  }
  return { ...(title ? { title } : {}), ...(published ? { published } : {}) };
}
