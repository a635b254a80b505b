// Only the ECharts parts the server's report options use (server/src/modules/reports/echarts-option.util.ts),
// so the dashboard chunk stays small: bar, line, pie and heat map series on a cartesian grid, with tooltip,
// legend, target mark line and the heat map's visual map, drawn on canvas. The card header shows the
// option's title, so the title component is not needed.
import { BarChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  HeatmapChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export { echarts };
export type { ECElementEvent, EChartsCoreOption, EChartsType } from 'echarts/core';
