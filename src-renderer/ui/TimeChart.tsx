/**
 * A time chart drawn by uPlot (canvas; about 50 kB and fast on tens of thousands of points): bars
 * or lines for a few series over time, sized to its container. The figures it draws are also
 * given to assistive technology as a short summary in `label`; the page shows the exact figures
 * next to it in a table or in words.
 */
import { useEffect, useRef } from 'react';
import { formatNumber, getLocale, t } from '#shared/i18n';
import { formatDate } from '#shared/dates';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export type ChartSeries = {
  label: string;
  /** A CSS colour. */
  color: string;
  values: readonly (number | null)[];
};

export type TimeChartProps = {
  /** Times of the points (ms since the epoch), ascending. */
  times: readonly number[];
  series: readonly ChartSeries[];
  kind?: 'bars' | 'lines';
  height?: number;
  /** What the chart shows, for screen readers ("Messages sent per hour"). */
  label: string;
  /** A fixed value range (a percentage: 0–100); by default it follows the figures. */
  range?: [number, number];
  /** Formats the value axis (e.g. a percentage). */
  formatValue?: (value: number) => string;
};

/** Tick labels in the app's language and calendar: times within a day, else day and month. */
function timeTicks(ticks: number[]): string[] {
  const span = ticks.length > 1 ? ticks[ticks.length - 1]! - ticks[0]! : 0;
  const style: Intl.DateTimeFormatOptions = span <= 2 * 86_400 ? { hour: '2-digit', minute: '2-digit' } : { day: 'numeric', month: 'short' };
  return ticks.map((s) => formatDate(new Date(s * 1000), getLocale(), style));
}

function options(props: TimeChartProps, width: number): uPlot.Options {
  const bars = props.kind !== 'lines';
  const paths = bars ? uPlot.paths.bars?.({ size: [0.7, 40], gap: 1 }) : undefined;
  const format = props.formatValue;
  return {
    width,
    height: props.height ?? 220,
    legend: { show: true },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true }, ...(props.range ? { y: { range: props.range } } : {}) },
    axes: [
      { stroke: '#5b6570', grid: { stroke: '#e1e5ea' }, values: (_u: uPlot, ticks: number[]) => timeTicks(ticks) },
      {
        stroke: '#5b6570',
        grid: { stroke: '#e1e5ea' },
        values: (_u: uPlot, ticks: number[]) => ticks.map(format ?? ((n) => formatNumber(n))),
      },
    ],
    series: [
      { label: t('chart.time'), value: (_u: uPlot, v: number | null) => (v === null ? '–' : formatDate(new Date(v * 1000), getLocale(), { dateStyle: 'medium', timeStyle: 'short' })) },
      ...props.series.map((s) => ({
        label: s.label,
        stroke: s.color,
        width: bars ? 0 : 2,
        ...(bars ? { fill: s.color } : {}),
        ...(paths ? { paths } : {}),
        ...(format ? { value: (_u: uPlot, v: number | null) => (v === null ? '–' : format(v)) } : {}),
      })),
    ],
  };
}

function data(props: TimeChartProps): uPlot.AlignedData {
  return [props.times.map((t) => t / 1000), ...props.series.map((s) => [...s.values])] as uPlot.AlignedData;
}

export function TimeChart(props: TimeChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const shape = `${props.kind ?? 'bars'}|${props.height ?? 220}|${props.range?.join('-') ?? ''}|${props.series.map((s) => `${s.label}:${s.color}`).join(',')}`;

  // Made again when the series or their look change; new figures alone only replace the data.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const chart = new uPlot(options(props, Math.max(el.clientWidth, 200)), data(props), el);
    plot.current = chart;
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(el.clientWidth, 200), height: props.height ?? 220 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
      plot.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `shape` stands for the options.
  }, [shape]);

  useEffect(() => {
    plot.current?.setData(data(props));
  });

  return <div className="time-chart" ref={box} role="img" aria-label={props.label} />;
}
