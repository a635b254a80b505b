import { useMemo } from 'react';
import { Flex, Input, Segmented, TreeSelect, Typography } from 'antd';
import { useI18n, useSession } from '@careloom/app-shell';
import { useOrgUnits } from '../hooks/useDashboards.js';
import type { DashboardFilterKind, DashboardView } from '../utils/dashboard-view.util.js';
import { visibleOrgUnitTree } from '../utils/org-unit-tree.util.js';
import { addDays, isDate, isMonth, monthOf, periodToRange } from '../utils/period.util.js';

interface DashboardFiltersProps {
  filters: readonly DashboardFilterKind[];
  view: DashboardView;
  onChange: (view: DashboardView) => void;
}

/**
 * The shared filters a dashboard declares: the period (a month, or first and last day, with the phone's
 * own pickers) and the org unit (a tree of the units the user's memberships reach).
 */
export function DashboardFilters({ filters, view, onChange }: DashboardFiltersProps) {
  const { t } = useI18n();
  const { user } = useSession();
  const showOrgUnits = filters.includes('org-unit');
  const units = useOrgUnits();
  const tree = useMemo(
    () => (showOrgUnits ? visibleOrgUnitTree(units.data ?? [], user?.roles ?? []) : []),
    [showOrgUnits, units.data, user],
  );
  const period = view.period;

  return (
    <Flex gap={8} wrap align="center" className="cl-dash-filters" role="group" aria-label={t('dash.filters')}>
      {period && (
        <>
          <Segmented<'month' | 'range'>
            aria-label={t('dash.filter.period')}
            value={period.kind}
            options={[
              { value: 'month', label: t('dash.filter.month') },
              { value: 'range', label: t('dash.filter.range') },
            ]}
            onChange={(kind) => {
              if (kind === period.kind) {
                return;
              }
              // keep the days in view: a month becomes its first and last day, a range the month it starts in
              if (kind === 'range' && period.kind === 'month') {
                const { from, to } = periodToRange(period);
                onChange({ ...view, period: { kind: 'range', from, to: addDays(to, -1) } });
              } else if (period.kind === 'range') {
                onChange({ ...view, period: { kind: 'month', month: period.from.slice(0, 7) } });
              }
            }}
          />
          {period.kind === 'month' ? (
            <Input
              type="month"
              aria-label={t('dash.filter.pickMonth')}
              value={period.month}
              max={monthOf(new Date())}
              onChange={(e) => {
                if (isMonth(e.target.value)) {
                  onChange({ ...view, period: { kind: 'month', month: e.target.value } });
                }
              }}
              style={{ width: 160 }}
              data-testid="filter-month"
            />
          ) : (
            <Flex gap={4} align="center" wrap={false} style={{ maxWidth: '100%' }}>
              <Input
                type="date"
                aria-label={t('dash.filter.from')}
                value={period.from}
                max={period.to}
                onChange={(e) => {
                  if (isDate(e.target.value) && e.target.value <= period.to) {
                    onChange({ ...view, period: { ...period, from: e.target.value } });
                  }
                }}
                style={{ width: 150 }}
                data-testid="filter-from"
              />
              <Typography.Text aria-hidden>–</Typography.Text>
              <Input
                type="date"
                aria-label={t('dash.filter.to')}
                value={period.to}
                min={period.from}
                onChange={(e) => {
                  if (isDate(e.target.value) && e.target.value >= period.from) {
                    onChange({ ...view, period: { ...period, to: e.target.value } });
                  }
                }}
                style={{ width: 150 }}
                data-testid="filter-to"
              />
            </Flex>
          )}
        </>
      )}
      {showOrgUnits && (
        <TreeSelect
          aria-label={t('dash.filter.orgUnit')}
          allowClear
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeDefaultExpandAll
          loading={units.loading}
          placeholder={t('dash.filter.allUnits')}
          value={view.orgUnitId ?? undefined}
          treeData={tree}
          onChange={(value: string | undefined) => onChange({ ...view, orgUnitId: value ?? null })}
          style={{ flex: '1 1 200px', minWidth: 0, maxWidth: 320 }}
          data-testid="filter-org-unit"
        />
      )}
    </Flex>
  );
}
