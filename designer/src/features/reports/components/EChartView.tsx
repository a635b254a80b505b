import { useEffect, useRef } from 'react';
import { useI18n } from '@careloom/app-shell';
import { echarts, type EChartsCoreOption, type EChartsType } from './echarts.js';

export interface EChartViewProps {
  option: Record<string, unknown>;
  /** What the chart shows, in words (the canvas says nothing to a screen reader). */
  label: string;
  testId?: string;
}

/** One ECharts chart that fills its box and follows its size (the runtime UI's way of drawing an option). */
export function EChartView({ option, label, testId }: EChartViewProps) {
  const { locale } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) {
      return;
    }
    const instance = echarts.init(element, undefined, {
      renderer: 'canvas',
      locale: locale === 'en' ? 'EN' : 'ZH',
    });
    chart.current = instance;
    const observer = new ResizeObserver(() => {
      if (element.clientWidth > 0 && element.clientHeight > 0) {
        instance.resize();
      }
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.current = null;
      instance.dispose();
    };
  }, [locale]);

  useEffect(() => {
    chart.current?.setOption(option as EChartsCoreOption, { notMerge: true });
  }, [option, locale]);

  return (
    <div
      ref={box}
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ width: '100%', height: '100%', minHeight: 0 }}
    />
  );
}
