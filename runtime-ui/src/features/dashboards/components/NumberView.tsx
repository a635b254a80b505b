import { Flex, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import type { ReportResult } from '@careloom/contracts';
import { useI18n, type Translate } from '@careloom/app-shell';
import { formatValue, meetsTarget, trendOf, type Locale } from '../utils/report-format.util.js';

const GOOD = '#389e0d';
const BAD = '#cf1322';
const NEUTRAL = 'rgba(0, 0, 0, 0.45)';

/** The texts of a single-number chart, shared by the card and the dashboard picture. */
export function numberTexts(result: ReportResult, t: Translate, locale: Locale) {
  const { chart, summary } = result;
  const format = (value: number | null | undefined) => formatValue(value, chart.unit, locale);
  const target = summary?.target ?? chart.target ?? null;
  const met = meetsTarget(summary?.value, { ...chart, target: target ?? undefined });
  const trend = trendOf(summary, chart);
  const delta = trend
    ? `${formatValue(Math.abs(trend.delta), chart.unit, locale)}${
        trend.percent === null || chart.unit === '%' ? '' : ` (${Math.abs(trend.percent).toFixed(1)}%)`
      }`
    : '';
  return {
    value: format(summary?.value),
    trend,
    trendText: !trend
      ? t('dash.number.noPrevious')
      : trend.direction === 'flat'
        ? t('dash.number.flat')
        : t(trend.direction === 'up' ? 'dash.number.up' : 'dash.number.down', { delta }),
    previous:
      summary?.previous === null || summary?.previous === undefined
        ? null
        : t('dash.number.previous', { value: format(summary.previous) }),
    target: target === null ? null : t('dash.number.target', { target: format(target) }),
    met,
  };
}

/** A single-number chart: the value with its unit, the target and the trend against the previous period. */
export function NumberView({ result }: { result: ReportResult }) {
  const { t, locale } = useI18n();
  const texts = numberTexts(result, t, locale);
  const { trend } = texts;
  const colour = trend === null || trend.good === null ? NEUTRAL : trend.good ? GOOD : BAD;

  return (
    <Flex vertical justify="center" gap={4} className="cl-number" data-testid="number-view">
      <Typography.Text strong className="cl-number-value">
        {texts.value}
      </Typography.Text>
      <Flex wrap gap={8} align="center">
        <Typography.Text style={{ color: colour }} data-testid="number-trend">
          {trend?.direction === 'up' && <ArrowUpOutlined aria-hidden />}
          {trend?.direction === 'down' && <ArrowDownOutlined aria-hidden />}
          {trend?.direction === 'flat' && <MinusOutlined aria-hidden />} {texts.trendText}
        </Typography.Text>
        {texts.previous && <Typography.Text type="secondary">{texts.previous}</Typography.Text>}
      </Flex>
      {texts.target && (
        <Flex wrap gap={8} align="center">
          <Typography.Text type="secondary">{texts.target}</Typography.Text>
          {texts.met !== null && (
            <Tag color={texts.met ? 'success' : 'error'}>
              {t(texts.met ? 'dash.number.met' : 'dash.number.missed')}
            </Tag>
          )}
        </Flex>
      )}
    </Flex>
  );
}
