import { useCallback } from 'react';
import { unwrap, type ApiClient } from '@careloom/api-client';
import type { DashboardResult, DashboardSpec, DrillResult, ReportFilters } from '@careloom/contracts';
import { useApi, useI18n, useLoader } from '@careloom/app-shell';
import type { Group } from '../utils/segment.util.js';

/** The tenant's org units (the filter shows the ones the user's memberships reach). */
export function useOrgUnits() {
  const api = useApi();
  const load = useCallback(async () => unwrap(await api.GET('/api/org-units')), [api]);
  return useLoader(load);
}

/** The dashboards the user may open (latest versions). */
export function useDashboardList() {
  const api = useApi();
  const load = useCallback(async () => unwrap(await api.GET('/api/dashboards')), [api]);
  return useLoader(load);
}

/** A dashboard's spec: which shared filters it offers decides what the URL query may hold. */
export function useDashboardSpec(key: string) {
  const api = useApi();
  const load = useCallback(
    async () =>
      unwrap(
        await api.GET('/api/dashboards/{key}', { params: { path: { key } } }),
      ) as unknown as DashboardSpec & {
        version: number;
      },
    [api, key],
  );
  return useLoader(load);
}

/** Every report of the dashboard, computed with the shared filters (null: wait, the spec is not known yet). */
export function useDashboardData(key: string, filters: ReportFilters | null) {
  const api = useApi();
  // the server names groups and series in the request's language: a switch of language reads them again
  const { locale } = useI18n();
  const { from, to, orgUnitId } = filters ?? {};
  const waiting = filters === null;
  const load = useCallback(async (): Promise<DashboardResult | undefined> => {
    if (waiting) {
      return undefined;
    }
    const query = { ...(from ? { from } : {}), ...(to ? { to } : {}), ...(orgUnitId ? { orgUnitId } : {}) };
    return unwrap(
      await api.GET('/api/dashboards/{key}/data', { params: { path: { key }, query } }),
    ) as unknown as DashboardResult;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `locale` goes out with the request (Accept-Language)
  }, [api, key, waiting, from, to, orgUnitId, locale]);
  return useLoader(load);
}

const filterQuery = ({ from, to, orgUnitId }: ReportFilters) => ({
  ...(from ? { from } : {}),
  ...(to ? { to } : {}),
  ...(orgUnitId ? { orgUnitId } : {}),
});

/** One page of the rows behind a chart segment. */
export async function fetchDrill(
  api: ApiClient,
  report: string,
  filters: ReportFilters,
  group: Group,
  page: { limit: number; offset: number },
): Promise<DrillResult> {
  const answer = await api.GET('/api/reports/{key}/drill', {
    params: {
      path: { key: report },
      query: {
        ...filterQuery(filters),
        group: JSON.stringify(group),
        limit: page.limit,
        offset: page.offset,
      },
    },
  });
  return unwrap(answer) as unknown as DrillResult;
}

/** A report's rows as CSV, with the server's file name when it sends one. */
export async function fetchReportCsv(
  api: ApiClient,
  report: string,
  filters: ReportFilters,
): Promise<{ blob: Blob; fileName: string | null }> {
  const answer = await api.GET('/api/reports/{key}/export.csv', {
    params: { path: { key: report }, query: filterQuery(filters) },
    parseAs: 'blob',
  });
  const blob = unwrap(answer);
  const disposition = answer.response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  return { blob, fileName: encoded ? decodeURIComponent(encoded) : (plain ?? null) };
}
