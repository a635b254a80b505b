import type { ReactNode } from 'react';
import { Button, Flex, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { useI18n } from '@careloom/app-shell';

interface SpecRowProps {
  /** What the row is, for the buttons' labels ("分组 1"). */
  name: string;
  index: number;
  count: number;
  /** The server's message(s) for this row, shown under it. */
  problem?: string;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  testId: string;
  children: ReactNode;
}

/** One grouping or measure: its inputs, move up/down and remove, and the server's problem with it. */
export function SpecRow({ name, index, count, problem, onMove, onRemove, testId, children }: SpecRowProps) {
  const { t } = useI18n();
  return (
    <div
      role="group"
      aria-label={name}
      data-testid={testId}
      style={{
        border: `1px solid ${problem ? '#ff4d4f' : 'rgba(5, 5, 5, 0.1)'}`,
        borderRadius: 6,
        padding: 8,
      }}
    >
      <Flex gap={8} align="flex-start">
        <Flex gap={8} wrap style={{ flex: 1, minWidth: 0 }}>
          {children}
        </Flex>
        <Flex gap={2} style={{ flex: 'none' }}>
          <Tooltip title={t('reports.row.up')}>
            <Button
              size="small"
              type="text"
              icon={<ArrowUpOutlined />}
              aria-label={`${t('reports.row.up')}: ${name}`}
              disabled={index === 0}
              onClick={() => onMove(-1)}
            />
          </Tooltip>
          <Tooltip title={t('reports.row.down')}>
            <Button
              size="small"
              type="text"
              icon={<ArrowDownOutlined />}
              aria-label={`${t('reports.row.down')}: ${name}`}
              disabled={index === count - 1}
              onClick={() => onMove(1)}
            />
          </Tooltip>
          <Tooltip title={t('reports.row.remove')}>
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={`${t('reports.row.remove')}: ${name}`}
              onClick={onRemove}
            />
          </Tooltip>
        </Flex>
      </Flex>
      {problem && (
        <Typography.Text
          type="danger"
          role="alert"
          data-testid={`${testId}-problem`}
          style={{ display: 'block', marginTop: 4 }}
        >
          {problem}
        </Typography.Text>
      )}
    </div>
  );
}

/**
 * A labelled input inside a row: the label above, the input below, wrapping on a phone. The input carries
 * the same text as its `aria-label`.
 */
export function RowField({
  label,
  children,
  grow = 1,
  basis = 140,
}: {
  label: string;
  children: ReactNode;
  grow?: number;
  basis?: number;
}) {
  return (
    <Flex vertical gap={2} style={{ flex: `${grow} 1 ${basis}px`, minWidth: 0 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      {children}
    </Flex>
  );
}
