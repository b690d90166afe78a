import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tokenize } from './segmenter.js';

describe('tokenize', () => {
  it('keeps the offsets of every word in the input', () => {
    const text = '2020年12月15日，重庆市人民政府与中国科学院在北京签署战略合作协议。\n  AIOT 产业';
    const tokens = tokenize(text);
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
    expect(tokens.map((t) => t.text).join('')).toBe(text);
  });

  it('keeps domain words whole', () => {
    const words = tokenize('“十三五”期间，国科大与中科院在綦江区共建产业园区').map((t) => t.text);
    expect(words).toContain('十三五');
    expect(words).toContain('国科大');
    expect(words).toContain('中科院');
    expect(words).toContain('綦江区');
    expect(words).toContain('产业园区');
  });

  it('cuts the suffix of a body from the title of its head (科学技术局局长)', () => {
    const text = '哈尔滨市科学技术局局长王强出席';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toContain('局长');
    expect(tokens.map((t) => t.text)).not.toContain('局局长');
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
  });

  it('cuts a guessed pair of characters at a bureau suffix and before the level of an area', () => {
    const words = (text: string) => tokenize(text).map((t) => t.text);
    expect(words('湖州市经济和信息化局为指导单位')).toContain('局');
    expect(words('湖州市经济和信息化局为指导单位')).toContain('为');
    expect(words('由省科技厅主办')).toContain('省');
    expect(words('省及市科技局共同支持')).toContain('及');
    expect(words('以及相关单位')).toContain('以及');
  });

  it('cuts the words of the general dictionary that hide a predicate (建成投产, 宣告成立)', () => {
    const words = (text: string) => tokenize(text).map((t) => t.text);
    expect(words('该项目今年5月建成投产')).toEqual(expect.arrayContaining(['建成', '投产']));
    expect(words('研究院14日宣告成立')).toContain('成立');
    expect(words('大会在京隆重举行')).toContain('举行');
    expect(words('园区新开工项目12个')).toContain('开工');
    expect(words('平台开始运行')).toContain('运行');
    const triggers = tokenize('该项目今年5月建成投产').flatMap((t) => t.entry?.trigger ?? []);
    expect(triggers).toEqual(['founding', 'operation']);
  });

  it('segments a whole seed document without losing characters', () => {
    const text = readFileSync(
      new URL('../../../../shared/seeds/002_717669ecf8a4545b.txt', import.meta.url),
      'utf8',
    );
    expect(
      tokenize(text)
        .map((t) => t.text)
        .join(''),
    ).toBe(text);
  });
});
