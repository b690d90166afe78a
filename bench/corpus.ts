/**
 * The benchmark corpus: documents recombined from the sentences of the sample and evaluation
 * documents, with places, people, years, dates and amounts substituted so that no two documents
 * are alike. Generation is seeded, so every run measures the same text.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Random, seededRandom } from './random.js';

export interface SourceDocument {
  name: string;
  /** Sentences in reading order; the first is the lead (often with a dateline or byline). */
  sentences: string[];
}

export interface SentencePool {
  sources: SourceDocument[];
  headlines: string[];
  /** Person names from the evaluation corpus's gold answers, replaced by invented names. */
  persons: string[];
}

export interface CorpusOptions {
  /** Generate documents until their UTF-8 size reaches this many bytes. */
  bytes: number;
  seed: number;
  minDocumentBytes?: number;
  maxDocumentBytes?: number;
}

const SOURCE_FOLDERS = ['samples', 'test/corpus/docs'];
const GOLD_FOLDER = 'test/corpus/gold';

const TERMINATED = /[。！？][”’」』）)]*$/;
const SENTENCE = /[^。！？]+[。！？]+[”’」』]?/g;
const CJK = /[\u4e00-\u9fff]/;

/** Reads the source documents below `root` and cuts them into sentences at 。！？. */
export function loadSentencePool(root: string): SentencePool {
  const sources: SourceDocument[] = [];
  const headlines: string[] = [];
  for (const folder of SOURCE_FOLDERS) {
    const dir = join(root, folder);
    for (const name of readdirSync(dir).sort()) {
      if (!/\.(txt|html)$/.test(name)) continue;
      const raw = decode(readFileSync(join(dir, name)));
      const blocks = name.endsWith('.html') ? htmlBlocks(raw) : textBlocks(raw);
      const sentences: string[] = [];
      for (const block of mergeBrokenParagraphs(blocks)) {
        if (!/[。！？]/.test(block)) {
          if (isHeadline(block)) headlines.push(block);
          continue;
        }
        for (const match of block.matchAll(SENTENCE)) {
          const sentence = match[0].trim();
          if (sentence.length >= 10 && CJK.test(sentence)) sentences.push(sentence);
        }
      }
      if (sentences.length >= 2) sources.push({ name: `${folder}/${name}`, sentences });
    }
  }
  if (sources.length === 0) throw new Error(`no source documents under ${root}`);
  return { sources, headlines, persons: goldPersons(join(root, GOLD_FOLDER)) };
}

/** The samples include a GB18030 (GBK) file, as documents from Chinese government sites often are. */
function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function textBlocks(raw: string): string[] {
  return raw
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.trim())
        .join(''),
    )
    .filter((block) => block.length > 0);
}

function htmlBlocks(raw: string): string[] {
  const blocks: string[] = [];
  for (const match of raw.matchAll(/<(h1|p)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
    const text = decodeEntities((match[2] ?? '').replace(/<[^>]+>/g, '')).trim();
    if (text) blocks.push(text);
  }
  return blocks;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/**
 * Newspaper pages printed from PDF break paragraphs at column ends: a block that stops
 * mid-sentence continues in the next one. Headlines also stop without a full stop, but they are
 * short and carry no comma.
 */
function mergeBrokenParagraphs(blocks: string[]): string[] {
  const merged: string[] = [];
  let pending = '';
  for (const block of blocks) {
    pending += block;
    if (!TERMINATED.test(pending) && (pending.includes('，') || pending.length > 40)) continue;
    merged.push(pending);
    pending = '';
  }
  if (pending) merged.push(pending);
  return merged;
}

function isHeadline(block: string): boolean {
  return (
    block.length >= 8 &&
    block.length <= 40 &&
    !/[，：:|©]|记者|摄|供稿|来源|版权|ICP/.test(block) &&
    !/^[一二三四五六七八九十]+、|^（/.test(block) &&
    CJK.test(block)
  );
}

function goldPersons(dir: string): string[] {
  const persons = new Set<string>();
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json')) continue;
    const gold = JSON.parse(readFileSync(join(dir, name), 'utf8')) as {
      entities?: Array<{ type: string; names: string[] }>;
    };
    for (const entity of gold.entities ?? []) {
      if (entity.type !== 'person') continue;
      for (const person of entity.names) if (person.length >= 2) persons.add(person);
    }
  }
  return [...persons];
}

const PROVINCES = [
  '四川',
  '安徽',
  '江苏',
  '湖北',
  '陕西',
  '广东',
  '浙江',
  '湖南',
  '山东',
  '河南',
  '河北',
  '福建',
  '江西',
  '山西',
  '辽宁',
  '云南',
  '贵州',
  '甘肃',
];
const CITIES = [
  '成都',
  '重庆',
  '合肥',
  '苏州',
  '武汉',
  '深圳',
  '西安',
  '杭州',
  '广州',
  '南京',
  '长沙',
  '青岛',
  '宁波',
  '厦门',
  '济南',
  '郑州',
  '无锡',
  '常州',
  '东莞',
  '佛山',
  '昆明',
  '贵阳',
  '南昌',
  '福州',
  '沈阳',
  '大连',
  '太原',
  '兰州',
  '绵阳',
  '德阳',
  '宜宾',
  '洛阳',
  '芜湖',
  '烟台',
  '温州',
];
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严',
];
const GIVEN = [
  ...'建国志明立新海涛文华晓峰佳怡雅婷思远宏杰振东德胜伟强静慧俊峰雪莹浩然启明卫平丽娟永胜正阳家豪欣怡子涵嘉诚',
];
const COLUMNS = ['科技新闻', '科技周刊', '创新周刊', '要闻', '区县新闻'];
const AMOUNT =
  /(?<![\d.])(\d+(?:\.\d+)?)(?=(?:多|余)?(?:亿|万|个|家|项|名|人|款|所|%|％|公里|平方米|亩|台|套|件))/g;
const YEAR = /20(1[5-9]|2[0-4])(?=\s?年)/g;
const MONTH_DAY = /(\d{1,2})月(\d{1,2})日/g;

/**
 * Yields documents until `options.bytes` of UTF-8 have been produced. Each document is between
 * `minDocumentBytes` and `maxDocumentBytes` (1–8 KB) and is laid out as a plain article, an
 * indented government notice, or a newspaper page with hard line breaks and trailing headlines.
 */
export function* generateCorpus(pool: SentencePool, options: CorpusOptions): Generator<string> {
  const rng = seededRandom(options.seed);
  const minBytes = options.minDocumentBytes ?? 1024;
  const maxBytes = options.maxDocumentBytes ?? 8192;
  const names = [...PROVINCES, ...CITIES, ...pool.persons].sort((a, b) => b.length - a.length);
  const nameRe = new RegExp(names.map(escapeRegExp).join('|'), 'g');
  let total = 0;
  while (total < options.bytes) {
    const doc = generateDocument(rng, pool, nameRe, minBytes, maxBytes);
    total += Buffer.byteLength(doc, 'utf8');
    yield doc;
  }
}

function generateDocument(
  rng: Random,
  pool: SentencePool,
  nameRe: RegExp,
  minBytes: number,
  maxBytes: number,
): string {
  const substitute = substitution(rng, nameRe);
  // Leave room for the line breaks and headline a layout adds around the sentences.
  const target = rng.int(minBytes + 100, maxBytes - 500);
  const headline = substitute(rng.pick(pool.headlines));
  const paragraphs: string[][] = [];
  const used = new Set<string>();
  let bytes = utf8Bytes(headline);
  const take = (source: SourceDocument, start: number, count: number): string[] => {
    const paragraph: string[] = [];
    for (let i = start; i < Math.min(start + count, source.sentences.length); i++) {
      const key = `${source.name}#${i}`;
      if (used.has(key)) break;
      const sentence = substitute(source.sentences[i] as string);
      if (bytes + utf8Bytes(sentence) > maxBytes - 400 && bytes >= minBytes + 100) break;
      used.add(key);
      paragraph.push(sentence);
      bytes += utf8Bytes(sentence);
    }
    return paragraph;
  };
  paragraphs.push(take(rng.pick(pool.sources), 0, rng.int(1, 3)));
  let misses = 0;
  while (bytes < target && misses < 100) {
    const source = rng.pick(pool.sources);
    const paragraph = take(source, rng.int(1, source.sentences.length - 1), rng.int(1, 5));
    if (paragraph.length > 0) paragraphs.push(paragraph);
    else misses++;
  }
  const layout = rng.next();
  const format = (ps: string[][]): string => {
    const texts = ps.map((p) => p.join(''));
    if (layout < 0.6) return `${headline}\n\n${texts.join('\n\n')}\n`;
    if (layout < 0.8) return `${headline}\n${texts.map((t) => `　　${t}`).join('\n')}\n`;
    return newspaperPage(rng, headline, texts);
  };
  let doc = format(paragraphs);
  while (utf8Bytes(doc) > maxBytes && paragraphs.length > 1) {
    paragraphs.pop();
    doc = format(paragraphs);
  }
  return doc;
}

/** Hard-wrapped columns, a break here and there inside a paragraph, headlines printed below. */
function newspaperPage(rng: Random, headline: string, paragraphs: string[]): string {
  const width = rng.int(14, 18);
  const out: string[] = [];
  for (const paragraph of paragraphs) {
    const chars = Array.from(paragraph);
    for (let i = 0; i < chars.length; i += width) {
      out.push(chars.slice(i, i + width).join(''));
      if (i + width < chars.length && rng.chance(0.04)) out.push('');
    }
    out.push('');
  }
  const cut = rng.int(Math.floor(headline.length / 2), headline.length);
  out.push(headline.slice(0, cut));
  if (cut < headline.length) out.push(headline.slice(cut));
  out.push('', rng.pick(COLUMNS));
  return ` ${out.join('\n')}\n`;
}

/** One document's substitutions: consistent within the document, different between documents. */
function substitution(rng: Random, nameRe: RegExp): (text: string) => string {
  const names = new Map<string, string>();
  const yearShift = rng.int(0, 9);
  const monthShift = rng.int(0, 11);
  const dayShift = rng.int(-3, 3);
  const replaceName = (name: string): string => {
    let replacement = names.get(name);
    if (!replacement) {
      if (PROVINCES.includes(name)) replacement = rng.pick(PROVINCES);
      else if (CITIES.includes(name)) replacement = rng.pick(CITIES);
      else replacement = rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.7) ? rng.pick(GIVEN) : '');
      names.set(name, replacement);
    }
    return replacement;
  };
  return (text) =>
    text
      .replace(nameRe, replaceName)
      .replace(YEAR, (year) => String(2015 + ((Number(year) - 2015 + yearShift) % 10)))
      .replace(MONTH_DAY, (whole, m: string, d: string) => {
        const month = Number(m);
        const day = Number(d);
        if (month < 1 || month > 12 || day < 1 || day > 31) return whole;
        return `${((month - 1 + monthShift) % 12) + 1}月${Math.min(28, Math.max(1, day + dayShift))}日`;
      })
      .replace(AMOUNT, (amount: string, _digits: string, offset: number, whole: string) => {
        const percent = /[%％]/.test(whole.charAt(offset + amount.length));
        return scaleAmount(
          amount,
          percent ? 0.5 + rng.next() : 0.4 + rng.next() * 2.6,
          percent ? 99 : Infinity,
        );
      });
}

function scaleAmount(amount: string, factor: number, max: number): string {
  const decimals = amount.split('.')[1]?.length ?? 0;
  const value = Math.min(max, Math.max(10 ** -decimals, Number(amount) * factor));
  return decimals === 0 ? String(Math.max(1, Math.round(value))) : value.toFixed(decimals);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * Writes `documents` generated documents below `dir` as `.txt` files, 1,000 to a folder (seed
 * 20231101, 400 B–2.4 KB each): the corpus the knowledge-base benchmarks ingest.
 */
export function writeCorpusFiles(
  root: string,
  dir: string,
  documents: number,
): { files: number; bytes: number } {
  const pool = loadSentencePool(root);
  let files = 0;
  let bytes = 0;
  for (const text of generateCorpus(pool, {
    bytes: Number.POSITIVE_INFINITY,
    seed: 20231101,
    minDocumentBytes: 400,
    maxDocumentBytes: 2400,
  })) {
    if (files >= documents) break;
    const folder = join(dir, String(Math.floor(files / 1000)).padStart(4, '0'));
    if (files % 1000 === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `doc-${String(files).padStart(6, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
    files++;
  }
  return { files, bytes };
}
