import { describe, expect, it } from 'vitest';
import { placeDivision, placeLabel, placesIn, proximityOf } from './proximity.js';

const division = (name: string) => {
  const found = placeDivision(name);
  if (!found) throw new Error(`no division for ${name}`);
  return found;
};

describe('proximity by division of China', () => {
  it('tells the same district, city, province and region apart', () => {
    const beibei = division('重庆市北碚区');
    expect(proximityOf(beibei, division('北碚'))).toBe('district');
    expect(proximityOf(division('苏州市相城区'), division('苏州高新区'))).toBe('city');
    expect(proximityOf(division('宁波市镇海区'), division('杭州市余杭区'))).toBe('province');
    expect(proximityOf(beibei, division('成都市'))).toBe('region');
    expect(proximityOf(beibei, division('大连市'))).toBeUndefined();
  });

  it('finds places inside the names of bodies, and finds zones without a code (东湖新技术开发区, 光谷) where they lie', () => {
    expect(placesIn('中国科学院重庆绿色智能技术研究院').map((p) => p.written)).toEqual(['重庆']);
    const wuhan = placesIn('华中科技大学在武汉东湖新技术开发区举行签约仪式，落户光谷');
    expect(wuhan.map((p) => p.written)).toEqual(['东湖新技术开发区', '光谷']);
    expect(new Set(wuhan.map((p) => p.division.city))).toEqual(new Set(['4201']));
  });

  it('names a division from its province down', () => {
    expect(placeLabel(division('深圳市南山区'))).toBe('广东省·深圳市·南山区');
    expect(placeLabel(division('重庆市北碚区'))).toBe('重庆市·北碚区');
  });
});
