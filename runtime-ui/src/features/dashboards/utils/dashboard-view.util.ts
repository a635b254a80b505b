// What a dashboard shows is kept in the URL query, so a copied link reproduces the view:
//   ?month=2026-11                       a calendar month (the default: this month)
//   ?from=2026-11-03&to=2026-11-16       an inclusive date range
//   &orgUnitId=<uuid>                    an org unit (and everything under it)
import type { DashboardSpec, ReportFilters } from '@careloom/contracts';
import { isDate, isMonth, monthOf, periodToRange, type Period } from './period.util.js';

export type DashboardFilterKind = DashboardSpec['filters'][number];

export interface DashboardView {
  /** null when the dashboard offers no period filter (the server then applies none). */
  period: Period | null;
  orgUnitId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function periodOf(query: URLSearchParams, today: Date): Period {
  const month = query.get('month');
  if (month !== null && isMonth(month)) {
    return { kind: 'month', month };
  }
  const from = query.get('from');
  const to = query.get('to');
  if (from !== null && to !== null && isDate(from) && isDate(to) && from <= to) {
    return { kind: 'range', from, to };
  }
  return { kind: 'month', month: monthOf(today) };
}

/** Reads the view from the query; only the filters the dashboard declares count, bad values fall back to defaults. */
export function parseDashboardView(
  query: URLSearchParams,
  filters: readonly DashboardFilterKind[],
  today: Date,
): DashboardView {
  const orgUnitId = query.get('orgUnitId');
  return {
    period: filters.includes('period') ? periodOf(query, today) : null,
    orgUnitId: filters.includes('org-unit') && orgUnitId !== null && UUID.test(orgUnitId) ? orgUnitId : null,
  };
}

/** The query string of a view (what `parseDashboardView` reads back). */
export function dashboardViewQuery(view: DashboardView): URLSearchParams {
  const query = new URLSearchParams();
  if (view.period?.kind === 'month') {
    query.set('month', view.period.month);
  } else if (view.period?.kind === 'range') {
    query.set('from', view.period.from);
    query.set('to', view.period.to);
  }
  if (view.orgUnitId !== null) {
    query.set('orgUnitId', view.orgUnitId);
  }
  return query;
}

/** The shared filters sent to every data, drill and export route. */
export function viewFilters(view: DashboardView): ReportFilters {
  return {
    ...(view.period ? periodToRange(view.period) : {}),
    ...(view.orgUnitId !== null ? { orgUnitId: view.orgUnitId } : {}),
  };
}
