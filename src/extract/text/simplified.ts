import * as OpenCC from 'opencc-js';

/** Characters common in traditional writing and never used in simplified text. */
const TRADITIONAL = '們這個國會發學與來為說時區對從機關經開實際業協議術體務幣億員進處資產達準應當廠華灣臺';
/** How far into a text, and how many of those characters there, tell that it is traditional. */
const SAMPLE = 4000;
const ENOUGH = 3;

/** The marks of traditional writing by character code: a table, as the test runs on every document. */
const TRADITIONAL_CODES = new Uint8Array(0x10000);
for (let i = 0; i < TRADITIONAL.length; i++) TRADITIONAL_CODES[TRADITIONAL.charCodeAt(i)] = 1;

/** The blocks of ideographs whose traditional forms are mapped. */
const IDEOGRAPH_BLOCKS: Array<[number, number]> = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
];

let table: Uint16Array | undefined;

/**
 * Traditional (Hong Kong) to simplified, one character for another: OpenCC's conversion of every
 * ideograph on a line of its own, so no phrase rule can change the length of a text. Zero means
 * the character stays as it is.
 */
function characterTable(): Uint16Array {
  if (table) return table;
  const convert = OpenCC.Converter({ from: 'hk', to: 'cn' });
  const codes: number[] = [];
  for (const [first, last] of IDEOGRAPH_BLOCKS) for (let c = first; c <= last; c++) codes.push(c);
  const converted = convert(codes.map((c) => String.fromCharCode(c)).join('\n')).split('\n');
  table = new Uint16Array(0x10000);
  codes.forEach((code, i) => {
    const to = converted[i];
    if (to?.length === 1 && to.charCodeAt(0) !== code) (table as Uint16Array)[code] = to.charCodeAt(0);
  });
  return table;
}

/**
 * The text in simplified characters, character for character, so that every offset into the
 * result is an offset into the original (documents from Hong Kong, Macau and Taiwan partners).
 * Text that is already simplified is returned as it is.
 *
 * @example toSimplified('香港城市大學與福田區') // '香港城市大学与福田区'
 */
export function toSimplified(text: string): string {
  if (!looksTraditional(text)) return text;
  const map = characterTable();
  const out = new Uint16Array(text.length);
  let surrogates = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = map[c] || c;
    if ((c & 0xf800) === 0xd800) surrogates = true;
  }
  // The decoder writes the string in one native pass, but it would replace a lone surrogate:
  // a text with no surrogate at all has none, and is not searched for one.
  if (!surrogates || isWellFormed(text)) return UTF16.decode(out);
  const CHUNK = 0x2000;
  let result = '';
  for (let i = 0; i < out.length; i += CHUNK) result += String.fromCharCode(...out.subarray(i, i + CHUNK));
  return result;
}

const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** At least three marks of traditional writing in the first 4000 characters. */
function looksTraditional(text: string): boolean {
  const end = Math.min(text.length, SAMPLE);
  let hits = 0;
  for (let i = 0; i < end; i++) {
    hits += TRADITIONAL_CODES[text.charCodeAt(i)] as number;
    if (hits >= ENOUGH) return true;
  }
  return false;
}
