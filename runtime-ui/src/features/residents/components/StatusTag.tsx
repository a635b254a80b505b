import { Tag } from 'antd';
import { useI18n } from '@careloom/app-shell';
import type { ResidentStatus } from '../hooks/useResidents.js';

const COLORS: Record<ResidentStatus, string> = {
  inquiry: 'blue',
  trial: 'gold',
  admitted: 'green',
  discharged: 'default',
  deceased: 'default',
};

export function StatusTag({ status }: { status: ResidentStatus }) {
  const { t } = useI18n();
  return <Tag color={COLORS[status]}>{t(`status.${status}`)}</Tag>;
}
