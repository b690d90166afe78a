/**
 * The report's figures drawn on the server: ECharts renders each to an SVG string (no browser,
 * no canvas), which HTML embeds as it is; Word needs a raster, so resvg turns the SVG into a PNG
 * with the machine's fonts (a CJK font must be installed for the Chinese labels).
 */
import { renderAsync } from '@resvg/resvg-js';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { type EChartsCoreOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ReportFigure } from './report-figures.js';

use([BarChart, GridComponent, LegendComponent, SVGRenderer]);

/** The dashboard's palette, so the report's charts read like the app's. */
const PALETTE = [
  '#2b6cb0',
  '#d69e2e',
  '#2f855a',
  '#c05621',
  '#6b46c1',
  '#2c7a7b',
  '#b83280',
  '#718096',
  '#975a16',
  '#4a5568',
];
/**
 * Fonts with Chinese glyphs, first the ones of Linux servers. Single quotes: ECharts writes the
 * family into a style attribute without escaping double ones.
 */
const FONT_FAMILY =
  "'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'PingFang SC', 'Microsoft YaHei', sans-serif";
const TEXT = { color: '#2d3748', fontSize: 13 };
const SPLIT_LINE = { lineStyle: { color: '#e2e8f0' } };

export const FIGURE_WIDTH = 720;

/** A figure's height: rows of long names need room; columns take a fixed band. */
export function figureHeight(figure: ReportFigure): number {
  const legend = figure.series.length > 1 ? 40 : 0;
  return figure.layout === 'rows' ? Math.max(220, figure.categories.length * 30 + 60 + legend) : 320 + legend;
}

/** Yuan on an axis in the unit its largest value reads best in. */
function yuanAxis(figure: ReportFigure) {
  const max = Math.max(...figure.series.flatMap((s) => s.values));
  const [divisor, unit] = max >= 1e8 ? [1e8, '亿元'] : [1e4, '万元'];
  return {
    name: unit,
    formatter: (value: number) => String(Number((value / divisor).toFixed(2))),
  };
}

function option(figure: ReportFigure): EChartsCoreOption {
  const values = {
    type: 'value',
    minInterval: figure.unit === 'count' ? 1 : 0,
    axisLabel: {
      ...TEXT,
      ...(figure.unit === 'yuan' ? { formatter: yuanAxis(figure).formatter } : {}),
    },
    ...(figure.unit === 'yuan' ? { name: yuanAxis(figure).name, nameTextStyle: TEXT } : {}),
    splitLine: SPLIT_LINE,
  };
  const categories = {
    type: 'category',
    data: figure.categories,
    ...(figure.layout === 'rows'
      ? { inverse: true, axisLabel: { ...TEXT, width: 220, overflow: 'truncate' } }
      : { axisLabel: { ...TEXT, interval: 0, rotate: figure.categories.length > 6 ? 30 : 0 } }),
  };
  const legend = figure.series.length > 1;
  return {
    animation: false,
    color: PALETTE,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT_FAMILY, color: TEXT.color },
    ...(legend ? { legend: { bottom: 0, textStyle: TEXT } } : {}),
    grid: {
      left: 12,
      right: 32,
      top: 32,
      bottom: legend ? 48 : 12,
      // The axes' labels inside the grid's box (what `containLabel` did before ECharts 6).
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    xAxis: figure.layout === 'rows' ? values : categories,
    yAxis: figure.layout === 'rows' ? categories : values,
    series: figure.series.map((s) => ({
      name: s.name,
      type: 'bar',
      stack: 'all',
      barMaxWidth: figure.layout === 'rows' ? 22 : 44,
      data: s.values,
    })),
  };
}

/** The figure as an SVG document string, `FIGURE_WIDTH` wide. */
export function figureSvg(figure: ReportFigure): string {
  const chart = init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: FIGURE_WIDTH,
    height: figureHeight(figure),
  });
  try {
    chart.setOption(option(figure));
    return chart.renderToSVGString();
  } finally {
    // An SSR chart keeps a timer for its animation loop until it is disposed.
    chart.dispose();
  }
}

/** The figure's SVG as a PNG at twice its size, sharp when printed; drawn off the event loop. */
export async function svgToPng(svg: string): Promise<Buffer> {
  const image = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' },
  });
  return image.asPng();
}
