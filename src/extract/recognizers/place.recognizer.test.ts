import { describe, expect, it } from 'vitest';
import { lexicon } from '../lexicon/lexicon.js';
import { tokenize } from '../segmentation/segmenter.js';
import { recognizePlaces } from './place.recognizer.js';

function places(text: string): Array<[string, string | undefined]> {
  return recognizePlaces(tokenize(text)).map((m) => [m.text, m.level]);
}

describe('recognizePlaces', () => {
  it('finds a province-level municipality', () => {
    expect(places('在北京签署')).toEqual([['北京', 'province']]);
  });

  it('reads a country before a bracketed city as the head of a fair name', () => {
    expect(places('2022中国（长沙）科技成果转化交易会开幕')).toEqual([['长沙', 'city']]);
  });

  it('reads 中国 before a word of a name as part of the name, and alone as the country', () => {
    expect(places('通过中国石油和化学工业联合会鉴定')).toEqual([]);
    expect(places('与中国的合作')).toEqual([['中国', 'country']]);
  });

  it('keeps another country before a word a place', () => {
    expect(places('首次出口德国市场')).toEqual([['德国', 'country']]);
  });

  it('finds a district with its GB/T 2260 code', () => {
    const [mention] = recognizePlaces(tokenize('綦江区加快聚集'));
    expect(mention).toMatchObject({ text: '綦江区', level: 'district', code: '500110' });
  });

  it('finds the short form of a district', () => {
    expect(places('近年来，綦江加快聚集')).toEqual([['綦江', 'district']]);
  });

  it('resolves a short form to its full name', () => {
    const [mention] = recognizePlaces(tokenize('璧山在西南率先布局'));
    expect(mention).toMatchObject({ text: '璧山', canonical: '璧山区' });
  });

  it('reads a district’s short name alone as the district when the document is of its province', () => {
    const mentions = recognizePlaces(tokenize('重庆市将在渝北、北碚建设两个产业园'));
    expect(mentions.map((m) => m.canonical)).toEqual(['重庆市', '渝北区', '北碚区']);
  });

  it('does not read a district’s short name as the district in a document of another province', () => {
    const mentions = recognizePlaces(tokenize('青海省西宁市签约项目涉及盐湖化工、清洁能源等领域'));
    expect(mentions.map((m) => m.canonical)).toEqual(['青海省', '西宁市']);
  });

  it('keeps a district named in full wherever it lies', () => {
    const mentions = recognizePlaces(tokenize('青海省代表团赴运城市盐湖区考察'));
    expect(mentions.map((m) => m.canonical)).toContain('盐湖区');
  });

  it('finds a town by its full name in the province the document speaks of', () => {
    const mentions = recognizePlaces(tokenize('佛山市南海区丹灶镇与广东省科学院签约'));
    expect(mentions.map((m) => [m.canonical, m.level])).toContainEqual(['丹灶镇', 'town']);
  });

  it('knows all 38 districts and counties of Chongqing', () => {
    const all = [...lexicon().places.values()].flatMap((p) => [p, ...(p.alternatives ?? [])]);
    const codes = new Set(
      all
        .filter((p) => p.level === 'district' && (p.code?.startsWith('5001') || p.code?.startsWith('5002')))
        .map((p) => p.code),
    );
    expect(codes.size).toBe(38);
  });

  it('takes a shared district name in the province the document speaks of', () => {
    const mentions = recognizePlaces(tokenize('重庆市江北区与渝北区'));
    expect(mentions.find((m) => m.text === '江北区')?.code).toBe('500105');
  });

  it('finds a city', () => {
    expect(places('在德阳、嘉兴、银川、柳州等地设立分支机构')).toEqual([
      ['德阳', 'city'],
      ['嘉兴', 'city'],
      ['银川', 'city'],
      ['柳州', 'city'],
    ]);
  });

  it('finds a county', () => {
    expect(places('巫山县与奉节县')).toEqual([
      ['巫山县', 'district'],
      ['奉节县', 'district'],
    ]);
  });

  it('finds a province by its short form', () => {
    expect(places('广西与四川')).toEqual([
      ['广西', 'province'],
      ['四川', 'province'],
    ]);
  });

  it('finds a country', () => {
    expect(places('首次出口德国市场，在法国进行试验')).toEqual([
      ['德国', 'country'],
      ['法国', 'country'],
    ]);
  });

  it('finds regions across provinces', () => {
    expect(places('助力成渝地区双城经济圈建设')).toEqual([['成渝地区双城经济圈', 'region']]);
    expect(places('在西南地区率先布局')).toEqual([['西南地区', 'region']]);
  });

  it('finds Hong Kong and Macau', () => {
    expect(places('与香港、澳门的高校')).toEqual([
      ['香港', 'province'],
      ['澳门', 'province'],
    ]);
  });

  it('does not take a common word for the short form of a district', () => {
    expect(places('维护世界和平')).toEqual([]);
  });

  it('does not read 我们 or 全国 as places', () => {
    expect(places('我们在全国率先')).toEqual([]);
  });

  it('reads 我国 as China', () => {
    const [mention] = recognizePlaces(tokenize('在我国首次'));
    expect(mention).toMatchObject({ text: '我国', canonical: '中国', level: 'country' });
  });

  it("finds Taiwan's cities and counties by their full and short names", () => {
    expect(places('在台北举办对接会')).toEqual([['台北', 'city']]);
    expect(places('新竹县和高雄市的企业')).toEqual([
      ['新竹县', 'city'],
      ['高雄市', 'city'],
    ]);
  });

  it('finds a state-level new area', () => {
    expect(places('在两江新区建设')).toEqual([['两江新区', 'area']]);
  });

  it('reports spans that point into the text', () => {
    const text = '2021年，成都市与重庆市签署协议';
    for (const m of recognizePlaces(tokenize(text)))
      expect(text.slice(m.span.start, m.span.end)).toBe(m.text);
  });
});
