/**
 * ECharts with only what the app draws: bars and a graph on canvas. Importing from the split
 * packages keeps the rest of the library out of the bundle.
 */
import { BarChart, GraphChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type ECharts, type EChartsCoreOption, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, GraphChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type { ECharts, EChartsCoreOption };
export { init };

/** A calm palette that stays apart for readers with common colour-vision deficiencies. */
export const PALETTE = [
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

/** The app's type and text colours for every chart. */
export const BASE_OPTION = {
  color: PALETTE,
  textStyle: {
    fontFamily: '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
    color: '#2d3748',
  },
  animationDuration: 300,
};
