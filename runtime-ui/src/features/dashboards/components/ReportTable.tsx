import { Table } from 'antd';
import type { ReportResult } from '@careloom/contracts';
import { useI18n } from '@careloom/app-shell';
import { formatValue, localized } from '../utils/report-format.util.js';

type Row = ReportResult['rows'][number];

/** A `table` chart: the result's columns and rows; a click on a row drills into its group. */
export function ReportTable({ result, onRow }: { result: ReportResult; onRow?: (row: Row) => void }) {
  const { locale } = useI18n();
  const rows = result.rows.map((row, index) => ({ ...row, __index: index }));
  return (
    <Table<Row & { __index: number }>
      rowKey="__index"
      size="small"
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10, simple: true, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      onRow={(row) =>
        onRow
          ? {
              onClick: () => onRow(row),
              onKeyDown: (e) => {
                if (e.key === 'Enter') {
                  onRow(row);
                }
              },
              tabIndex: 0,
              style: { cursor: 'pointer' },
            }
          : {}
      }
      columns={result.columns.map((column) => ({
        key: column.key,
        title: localized(column.label, locale),
        align: column.kind === 'measure' ? ('right' as const) : ('left' as const),
        render: (_: unknown, row: Row) => {
          const value = row[column.key];
          return typeof value === 'number' && column.kind === 'measure'
            ? formatValue(value, result.chart.unit, locale, 2)
            : (value ?? '—');
        },
      }))}
    />
  );
}
