import { describe, expect, it } from 'vitest';
import { anchoredMatches, anchoredPattern, WHITE_SPACE } from './anchored-matches.js';

/** A qualifier (up to three characters), spaces, an optional currency, then a number. */
const AMOUNT = /(超过|不少于|约)?\s{0,2}(人民币)?(\d+|[一二三十百]+)(万|亿)?(元)?/g;
const NUMERALS = '0123456789一二三十百';
const REACH = 3 + 2 + 3;
const STARTS = '超不约人';

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

/** Texts made of the pattern's own pieces and of other words, so that matches touch and overlap. */
function texts(count: number): string[] {
  const pieces = [
    '超过',
    '不少于',
    '约',
    ' ',
    '人民币',
    '12',
    '3',
    '一',
    '十三',
    '百',
    '万',
    '亿',
    '元',
    '签约',
    '项目',
    '，',
    '。',
    '约定',
    '超',
  ];
  const next = random(20230630);
  return Array.from({ length: count }, () =>
    Array.from(
      { length: 5 + Math.floor(next() * 40) },
      () => pieces[Math.floor(next() * pieces.length)],
    ).join(''),
  );
}

/** A qualifier, spaces, then a number of any length and its percent sign. */
const SHARE = /(超过|约)?\s{0,2}(\d+(?:\.\d+)?)\s{0,2}%/g;

function shareTexts(count: number): string[] {
  const pieces = ['超过', '约', ' ', '12', '3', '.', '5', '%', '%%', '增长', '，', '签约'];
  const next = random(20240101);
  return Array.from({ length: count }, () =>
    Array.from(
      { length: 5 + Math.floor(next() * 40) },
      () => pieces[Math.floor(next() * pieces.length)],
    ).join(''),
  );
}

const summary = (matches: Iterable<RegExpMatchArray>) => [...matches].map((m) => [m.index, ...m]);

describe('anchoredMatches', () => {
  it('finds exactly the matches matchAll finds, in the same order', () => {
    const pattern = anchoredPattern(AMOUNT, NUMERALS, REACH, STARTS);
    for (const text of texts(2000))
      expect(summary(anchoredMatches(text, pattern))).toEqual(summary(text.matchAll(AMOUNT)));
  });

  it('finds a match whose number stands the whole reach after its start', () => {
    const text = '协议不少于  人民币12亿元';
    const [match] = anchoredMatches(text, anchoredPattern(AMOUNT, NUMERALS, REACH, STARTS));
    expect(match?.[0]).toBe('不少于  人民币12亿元');
    expect(match?.index).toBe(2);
  });

  it('misses the start of such a match when the reach given is too short', () => {
    const [match] = anchoredMatches(
      '不少于  人民币12亿元',
      anchoredPattern(AMOUNT, NUMERALS, REACH - 1, STARTS),
    );
    expect(match?.[0]).not.toBe('不少于  人民币12亿元');
  });

  it('misses matches that begin with a character not given as a start', () => {
    const pattern = anchoredPattern(AMOUNT, NUMERALS, REACH, '超约人');
    expect([...anchoredMatches('不少于12亿元', pattern)].map((m) => m[0])).toEqual(['12亿元']);
  });

  it('counts as white space exactly the characters \\s matches', () => {
    const matched: string[] = [];
    for (let code = 0; code < 0x10000; code++)
      if (/\s/.test(String.fromCharCode(code))) matched.push(String.fromCharCode(code));
    expect([...WHITE_SPACE].sort()).toEqual(matched.sort());
  });

  it('with a run before the anchor, finds exactly the matches matchAll finds', () => {
    const pattern = anchoredPattern(SHARE, '%', 2, '超约0123456789', '0123456789. ');
    for (const text of shareTexts(2000))
      expect(summary(anchoredMatches(text, pattern))).toEqual(summary(text.matchAll(SHARE)));
  });

  it('walks back over a number of any length to the qualifier before it', () => {
    const pattern = anchoredPattern(SHARE, '%', 2, '超约0123456789', '0123456789. ');
    const [match] = anchoredMatches('同比超过 1234567.25 %', pattern);
    expect(match?.[0]).toBe('超过 1234567.25 %');
    expect(match?.index).toBe(2);
  });

  it('finds nothing in a text without the anchor characters', () => {
    expect([...anchoredMatches('人民币元超过约', anchoredPattern(AMOUNT, NUMERALS, REACH, STARTS))]).toEqual(
      [],
    );
  });
});
