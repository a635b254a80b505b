import { describe, expect, it } from '@jest/globals';
import { dashboardViewQuery, parseDashboardView, viewFilters } from './dashboard-view.util.js';

const TODAY = new Date(2026, 10, 27, 9, 30);
const UNIT = '5f0c6a52-5a3b-4c57-9d0e-0d6f2d1f9a11';
const BOTH = ['period', 'org-unit'] as const;

describe(parseDashboardView.name, () => {
  it('should default to this month and no org unit when the query is empty', () => {
    expect(parseDashboardView(new URLSearchParams(), BOTH, TODAY)).toEqual({
      period: { kind: 'month', month: '2026-11' },
      orgUnitId: null,
    });
  });

  it('should read a month, a date range and an org unit from the query', () => {
    expect(parseDashboardView(new URLSearchParams(`month=2026-02&orgUnitId=${UNIT}`), BOTH, TODAY)).toEqual({
      period: { kind: 'month', month: '2026-02' },
      orgUnitId: UNIT,
    });
    expect(parseDashboardView(new URLSearchParams('from=2026-11-03&to=2026-11-16'), BOTH, TODAY)).toEqual({
      period: { kind: 'range', from: '2026-11-03', to: '2026-11-16' },
      orgUnitId: null,
    });
  });

  it('should fall back to defaults for values that are not real months, dates or ids', () => {
    // given a reversed range, an impossible date and an org unit that is not a uuid
    const reversed = parseDashboardView(new URLSearchParams('from=2026-11-16&to=2026-11-03'), BOTH, TODAY);
    const impossible = parseDashboardView(new URLSearchParams('from=2026-02-30&to=2026-03-03'), BOTH, TODAY);
    const hostile = parseDashboardView(new URLSearchParams("month=2026-13&orgUnitId=1' or 1=1"), BOTH, TODAY);

    // then each falls back to this month / no org unit
    expect(reversed.period).toEqual({ kind: 'month', month: '2026-11' });
    expect(impossible.period).toEqual({ kind: 'month', month: '2026-11' });
    expect(hostile).toEqual({ period: { kind: 'month', month: '2026-11' }, orgUnitId: null });
  });

  it('should ignore filters the dashboard does not declare', () => {
    expect(parseDashboardView(new URLSearchParams(`month=2026-02&orgUnitId=${UNIT}`), [], TODAY)).toEqual({
      period: null,
      orgUnitId: null,
    });
    expect(parseDashboardView(new URLSearchParams(`orgUnitId=${UNIT}`), ['org-unit'], TODAY)).toEqual({
      period: null,
      orgUnitId: UNIT,
    });
  });
});

describe(dashboardViewQuery.name, () => {
  it('should write a view that reads back the same', () => {
    const views = [
      { period: { kind: 'month' as const, month: '2026-03' }, orgUnitId: UNIT },
      { period: { kind: 'range' as const, from: '2026-01-01', to: '2026-03-31' }, orgUnitId: null },
    ];
    for (const view of views) {
      expect(parseDashboardView(dashboardViewQuery(view), BOTH, TODAY)).toEqual(view);
    }
    expect(dashboardViewQuery({ period: null, orgUnitId: null }).toString()).toBe('');
  });
});

describe(viewFilters.name, () => {
  it('should send half-open from/to dates and the org unit', () => {
    expect(viewFilters({ period: { kind: 'month', month: '2026-12' }, orgUnitId: UNIT })).toEqual({
      from: '2026-12-01',
      to: '2027-01-01',
      orgUnitId: UNIT,
    });
    expect(
      viewFilters({ period: { kind: 'range', from: '2026-11-03', to: '2026-11-16' }, orgUnitId: null }),
    ).toEqual({
      from: '2026-11-03',
      to: '2026-11-17',
    });
    expect(viewFilters({ period: null, orgUnitId: null })).toEqual({});
  });
});
