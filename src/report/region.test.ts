import { describe, expect, it } from 'vitest';
import { lexicon } from '../extract/lexicon/lexicon.js';
import { regionOf } from './region.js';

describe('the region of a report', () => {
  const chongqing = regionOf('重庆', lexicon().places);
  const inChongqing = (name: string | undefined) => chongqing.includes(name);

  it('takes a name that names the region, by its short or full name', () => {
    expect(inChongqing('西部（重庆）科学城')).toBe(true);
    expect(inChongqing('重庆市人民政府')).toBe(true);
    expect(regionOf('重庆市', lexicon().places).includes('重庆高新区')).toBe(true);
    expect(chongqing.names).toEqual(['重庆', '重庆市']);
  });

  it('takes a district inside the region by its division code, not only by its name', () => {
    expect(inChongqing('长寿区')).toBe(true);
    expect(inChongqing('北碚区')).toBe(true);
    expect(inChongqing('永川')).toBe(true);
    // 江北区 is in Ningbo as well as in Chongqing: one of them is inside.
    expect(inChongqing('江北区')).toBe(true);
  });

  it('leaves out places elsewhere, names it does not know, and nothing', () => {
    expect(inChongqing('成都市')).toBe(false);
    expect(inChongqing('武侯区')).toBe(false);
    expect(inChongqing('某某光电科技有限公司')).toBe(false);
    expect(inChongqing(undefined)).toBe(false);
    const chengdu = regionOf('成都', lexicon().places);
    const inChengdu = (name: string) => chengdu.includes(name);
    expect(inChengdu('武侯区')).toBe(true);
    expect(inChengdu('长寿区')).toBe(false);
  });
});
