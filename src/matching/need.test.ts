import { describe, expect, it } from 'vitest';
import { CoopAtlasError } from '../core/errors.js';
import { parseNeed } from './need.js';

/** The error a need gives, split into its Chinese and English halves. */
function refusal(input: Parameters<typeof parseNeed>[0]): { code: string; zh: string; en: string } {
  try {
    parseNeed(input);
  } catch (error) {
    if (!(error instanceof CoopAtlasError)) throw error;
    const split = /^(.*?)\s*\(([^()]*[A-Za-z][^()]*)\)\s*$/s.exec(error.message);
    return { code: error.code, zh: split?.[1] ?? error.message, en: split?.[2] ?? '' };
  }
  throw new Error('the need was accepted');
}

describe('a need as matching takes it', () => {
  it('resolves the district to its division and the field to the taxonomy', () => {
    const need = parseNeed({
      description: ' 需要石墨烯导热膜量产工艺 ',
      district: '重庆市北碚区',
      field: '石墨烯与碳材料',
    });
    expect(need.description).toBe('需要石墨烯导热膜量产工艺');
    expect(need.division).toEqual({ name: '北碚区', province: '50', city: '5001', district: '500109' });
    expect(need.field?.id).toBe('graphene');
    expect(parseNeed({ description: '需要石墨烯', field: 'graphene' }).field?.zh).toBe('石墨烯与碳材料');
  });

  it('locates a zone without a code of its own in the district it lies in', () => {
    expect(parseNeed({ description: '需要石墨烯', district: '两江新区' }).division?.district).toBe('500112');
    expect(parseNeed({ description: '需要激光焊接', district: '武汉东湖高新区' }).division?.city).toBe(
      '4201',
    );
  });

  it('refuses an empty description, in Chinese and in English', () => {
    for (const description of ['', '   ', '\n\t']) {
      const error = refusal({ description });
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.zh).toContain('请填写需求描述');
      expect(error.en).toBe('the description of the need is empty');
    }
  });

  it('refuses a description too long to be one need, saying how long it is and the limit', () => {
    const error = refusal({ description: '需要石墨烯导热膜。'.repeat(300) });
    expect(error.zh).toContain('需求描述过长：2700 字，最多 2000 字');
    expect(error.en).toContain('too long: 2700 characters, at most 2000');
  });

  it('refuses a description not written in Chinese, with an example', () => {
    for (const description of ['We need graphene heat spreaders', '12345 !!!', 'グラフェン']) {
      const error = refusal({ description });
      expect(error.zh).toContain('需求描述须用中文写明所需的技术');
      expect(error.en).toContain('describe the need in Chinese');
    }
  });

  it('accepts Chinese with Latin technical terms in it', () => {
    expect(parseNeed({ description: '需要MEMS传感器和5G模组' }).description).toBe('需要MEMS传感器和5G模组');
  });

  it('refuses a place it does not know, and asks for the city of a name several districts share', () => {
    expect(refusal({ description: '需要石墨烯', district: '火星区' }).zh).toContain('不认识的地点“火星区”');
    const shared = refusal({ description: '需要石墨烯', district: '南山区' });
    expect(shared.zh).toContain('“南山区”有多处');
    expect(shared.zh).toContain('广东省·深圳市·南山区');
    expect(shared.en).toContain('is the name of several places');
    expect(parseNeed({ description: '需要石墨烯', district: '深圳市南山区' }).division?.district).toBe(
      '440305',
    );
  });

  it('refuses an unknown field, a negative budget, a malformed deadline and an unknown kind of candidate', () => {
    expect(refusal({ description: '需要石墨烯', field: '炼金术' }).zh).toContain('不认识的领域“炼金术”');
    expect(refusal({ description: '需要石墨烯', budget: -1 }).en).toContain('budget');
    expect(refusal({ description: '需要石墨烯', deadline: '2024年5月' }).zh).toContain(
      '截止日期应为 YYYY-MM-DD',
    );
    expect(refusal({ description: '需要石墨烯', kinds: ['company'] }).zh).toContain('不认识的候选类型');
  });
});
