import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import type { init } from './echarts';
import type { ChartModel } from '../../../../shared/reports/table';

type Chart = ReturnType<typeof init>;

/**
 * A report's chart, drawn by echarts as SVG with its accessibility description on (echarts writes
 * a spoken summary of the series into the chart's aria-label). echarts is loaded on first draw.
 */
export function ReportChart({ model, label, overTime }: { model: ChartModel; label: string; overTime: boolean }) {
  const { language } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<Chart | null>(null);
  useEffect(() => {
    let alive = true;
    let made: Chart | null = null;
    void import('./echarts').then(({ init }) => {
      if (!alive || !box.current) return;
      made = init(box.current, null, { renderer: 'svg', locale: language === 'zh-CN' ? 'ZH' : 'EN' });
      setChart(made);
    });
    const resize = () => made?.resize();
    window.addEventListener('resize', resize);
    return () => {
      alive = false;
      window.removeEventListener('resize', resize);
      made?.dispose();
    };
  }, [language]);
  useEffect(() => {
    if (!chart) return;
    const twoAxes = model.series.some((s) => s.axis === 1);
    chart.setOption(
      {
        aria: { enabled: true },
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { top: 0, type: 'scroll' },
        grid: { left: 56, right: twoAxes ? 56 : 24, top: 36, bottom: 56 },
        xAxis: { type: 'category', data: model.categories, axisLabel: { interval: 'auto', rotate: model.categories.length > 12 ? 30 : 0 } },
        yAxis: twoAxes ? [{ type: 'value' }, { type: 'value' }] : { type: 'value' },
        series: model.series.map((s) => ({
          name: s.name,
          // A line needs two points: over a single time bucket the groups are bars.
          type: s.type ?? (overTime && model.categories.length > 1 ? 'line' : 'bar'),
          yAxisIndex: s.axis ?? 0,
          data: s.values,
          connectNulls: false,
        })),
      },
      true,
    );
  }, [chart, model, overTime]);
  // The figure is named for finding it; echarts describes the series on the drawing inside.
  return (
    <figure className="report-chart" aria-label={label}>
      <div ref={box} className="report-chart-canvas" />
    </figure>
  );
}
