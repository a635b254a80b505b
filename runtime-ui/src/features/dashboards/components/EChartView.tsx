import { useEffect, useRef } from 'react';
import { useI18n } from '@careloom/app-shell';
import { echarts, type ECElementEvent, type EChartsCoreOption, type EChartsType } from './echarts.js';

interface EChartViewProps {
  option: Record<string, unknown>;
  /** What the chart shows, in words (the canvas says nothing to a screen reader). */
  label: string;
  onSegment?: (event: ECElementEvent) => void;
  /** Receives the chart instance once drawn (and null when it goes), for the dashboard's image export. */
  onInstance?: (chart: EChartsType | null) => void;
  testId?: string;
}

/**
 * One ECharts chart that fills its box and follows its size. For printing, the canvas is swapped for a
 * picture of itself (see dashboards.css), which scales to the printed card instead of keeping screen pixels.
 */
export function EChartView({ option, label, onSegment, onInstance, testId }: EChartViewProps) {
  const { locale } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const printed = useRef<HTMLImageElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const segmentHandler = useRef(onSegment);
  const instanceHandler = useRef(onInstance);

  useEffect(() => {
    segmentHandler.current = onSegment;
    instanceHandler.current = onInstance;
  }, [onSegment, onInstance]);

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
    instance.on('click', (event) => segmentHandler.current?.(event));
    // a hidden box (the print layout swaps the canvas for its picture) keeps the last drawn size
    const observer = new ResizeObserver(() => {
      if (element.clientWidth > 0 && element.clientHeight > 0) {
        instance.resize();
      }
    });
    observer.observe(element);
    const beforePrint = () => {
      if (printed.current) {
        printed.current.src = instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
      }
    };
    window.addEventListener('beforeprint', beforePrint);
    instanceHandler.current?.(instance);
    return () => {
      window.removeEventListener('beforeprint', beforePrint);
      observer.disconnect();
      instanceHandler.current?.(null);
      chart.current = null;
      instance.dispose();
    };
  }, [locale]);

  useEffect(() => {
    const instance = chart.current;
    if (instance) {
      instance.setOption(option as EChartsCoreOption, { notMerge: true });
    }
  }, [option, locale]);

  return (
    <>
      <div
        ref={box}
        className="cl-chart-canvas"
        role="img"
        aria-label={label}
        data-testid={testId}
        style={{ width: '100%', height: '100%', minHeight: 0 }}
      />
      <img ref={printed} className="cl-chart-print" alt={label} />
    </>
  );
}
