import { Tag } from 'antd';
import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  ExclamationCircleOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { useI18n } from '@careloom/app-shell';
import type { SlaClock } from '../hooks/useWorkOrders.js';
import { formatDuration } from '../utils/work-order-view.util.js';

const SOON_MS = 3_600_000;

/** One deadline as a chip: icon, words and colour (never colour alone), with the instant on hover. */
export function SlaChip({ label, clock }: { label: string; clock: SlaClock }) {
  const { t, locale } = useI18n();
  if (clock.state === 'none' || clock.dueAt === null) {
    return null;
  }
  const duration = (ms: number | null) => formatDuration(ms ?? 0, t, locale);
  const [color, icon, text] =
    clock.state === 'running'
      ? [
          (clock.remainingMs ?? 0) < SOON_MS ? 'orange' : 'blue',
          <ClockCircleOutlined key="i" />,
          t('wo.sla.left', { duration: duration(clock.remainingMs) }),
        ]
      : clock.state === 'overdue'
        ? [
            'red',
            <ExclamationCircleOutlined key="i" />,
            t('wo.sla.overdue', { duration: duration(clock.overdueMs) }),
          ]
        : clock.state === 'met'
          ? ['green', <CheckCircleOutlined key="i" />, t('wo.sla.met')]
          : [
              'orange',
              <WarningOutlined key="i" />,
              t('wo.sla.missed', { duration: duration(clock.overdueMs) }),
            ];
  const due = t('wo.sla.due', { at: new Date(clock.dueAt).toLocaleString(locale) });
  return (
    <Tag color={color} icon={icon} title={due} style={{ whiteSpace: 'normal' }}>
      {label}：{text}
      {clock.businessTime ? `（${t('wo.sla.business')}）` : ''}
    </Tag>
  );
}

/** The clock that matters now: the first response until it is given, then the resolution. */
export function mainClock(order: {
  status: string;
  sla: { firstResponse: SlaClock; resolution: SlaClock };
}): {
  key: 'firstResponse' | 'resolution';
  clock: SlaClock;
} {
  const first = order.sla.firstResponse;
  return order.status === 'open' && first.doneAt === null && first.state !== 'none'
    ? { key: 'firstResponse', clock: first }
    : { key: 'resolution', clock: order.sla.resolution };
}
