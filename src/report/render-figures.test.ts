import { describe, expect, it } from 'vitest';
import { figureSvg, svgToPng } from './render-figures.js';
import type { ReportFigure } from './report-figures.js';

const figure = (categories: string[]): ReportFigure => ({
  key: 'partners',
  title: '主要合作方（按参与事件数）',
  source: '数据来源：测试。',
  layout: 'rows',
  unit: 'count',
  categories,
  series: [{ name: '参与事件数', values: categories.map(() => 3) }],
});

describe('the figures drawn on the server', () => {
  it('draws a figure as SVG with its labels escaped', () => {
    const svg = figureSvg(figure(['中国科学院', '<b>某某&公司</b>']));
    expect(svg).toMatch(/^<svg [^>]*width="720"/);
    expect(svg).toContain('>中国科学院</text>');
    expect(svg).toContain('&lt;b&gt;某某&amp;公司&lt;/b&gt;');
    expect(svg).not.toContain('<b>');
  });

  it('turns the SVG into a PNG whose Chinese labels are glyphs, not the boxes of a missing font', async () => {
    const [chinese, privateUse, blank] = await Promise.all(
      [['科技合作'], ['\uE000\uE001\uE002\uE003'], ['']].map((labels) => svgToPng(figureSvg(figure(labels)))),
    );
    expect(chinese?.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(chinese?.equals(blank as Buffer)).toBe(false);
    expect(chinese?.equals(privateUse as Buffer)).toBe(false);
  }, 30_000);
});
