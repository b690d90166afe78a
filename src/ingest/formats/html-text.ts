/**
 * The text of a DOM subtree with its block structure kept: every paragraph, heading, list item
 * or table row becomes its own line. `textContent` would run the paragraphs together, and the
 * later stages split articles and sentences on these line breaks.
 */

const BLOCK_ELEMENTS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'CAPTION',
  'CENTER',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TFOOT',
  'THEAD',
  'TR',
  'UL',
]);

const SKIPPED_ELEMENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT']);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Minimal view of a DOM node; linkedom's nodes satisfy it. */
export interface TextNodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<TextNodeLike>;
}

/** HTML collapses runs of ASCII whitespace; non-breaking and ideographic spaces are kept. */
const COLLAPSIBLE_WHITESPACE = /[ \t\n\r\f]+/g;

function collect(node: TextNodeLike, parts: string[], inPre: boolean): void {
  if (node.nodeType === TEXT_NODE) {
    const text = node.textContent ?? '';
    parts.push(inPre ? text : text.replace(COLLAPSIBLE_WHITESPACE, ' '));
    return;
  }
  if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) return;
  const name = node.nodeName.toUpperCase();
  if (SKIPPED_ELEMENTS.has(name)) return;
  if (name === 'BR') {
    parts.push('\n');
    return;
  }
  const block = BLOCK_ELEMENTS.has(name);
  if (block) parts.push('\n');
  const pre = inPre || name === 'PRE';
  for (let i = 0; i < node.childNodes.length; i++) {
    const child = node.childNodes[i];
    if (child) collect(child, parts, pre);
  }
  if (name === 'TD' || name === 'TH') parts.push(' ');
  if (block) parts.push('\n');
}

/**
 * Text of `root`, one line per block element, lines trimmed, empty lines dropped.
 *
 * @example blockText(parse('<div><p>第一段</p><p>第二段<br>续行</p></div>')) // → '第一段\n第二段\n续行'
 */
export function blockText(root: TextNodeLike): string {
  const parts: string[] = [];
  collect(root, parts, false);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

function countText(node: TextNodeLike, inLink: boolean, counts: { all: number; linked: number }): void {
  if (node.nodeType === TEXT_NODE) {
    const length = (node.textContent ?? '').replace(/\s+/g, '').length;
    counts.all += length;
    if (inLink) counts.linked += length;
    return;
  }
  const name = node.nodeName.toUpperCase();
  if (SKIPPED_ELEMENTS.has(name)) return;
  for (let i = 0; i < node.childNodes.length; i++) {
    const child = node.childNodes[i];
    if (child) countText(child, inLink || name === 'A', counts);
  }
}

/**
 * Share of the visible characters under `root` that sit inside links, 0 when there is no text.
 * Menus and link lists are nearly all link text; an article body is nearly none.
 */
export function linkDensity(root: TextNodeLike): number {
  const counts = { all: 0, linked: 0 };
  countText(root, false, counts);
  return counts.all === 0 ? 0 : counts.linked / counts.all;
}
