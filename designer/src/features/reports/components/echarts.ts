// Only the ECharts parts the server's report options use (server/src/modules/reports/echarts-option.util.ts),
// as in the runtime UI's dashboards: bar, line, pie and heat map series with tooltip, legend, target mark
// line and the heat map's visual map, drawn on canvas. Imported lazily (ReportChart), so the designer's
// other pages do not load ECharts.
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
export type { EChartsCoreOption, EChartsType } from 'echarts/core';
