/**
 * The parts of echarts the reports draw with, and only those (bars, lines, a grid, a tooltip, a
 * legend, the accessibility description, SVG): imported by the report chart when it first draws,
 * so the board's own chunk does not carry them and no other face ever loads them.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use as register } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

register([BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { init };
