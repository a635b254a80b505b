import { useCallback } from 'react';
import { unwrap, type Schemas } from '@careloom/api-client';
import { useApi, useLoader } from '@careloom/app-shell';

export type Resident = Schemas['ResidentDto'];
export type ResidentStatus = Resident['status'];
export const RESIDENT_STATUSES: readonly ResidentStatus[] = [
  'inquiry',
  'trial',
  'admitted',
  'discharged',
  'deceased',
];

export interface ResidentQuery {
  q: string;
  status: ResidentStatus | undefined;
  page: number;
  pageSize: number;
}

export function useResidents(query: ResidentQuery) {
  const api = useApi();
  const { q, status, page, pageSize } = query;
  const load = useCallback(
    async () =>
      unwrap(
        await api.GET('/api/residents', {
          params: {
            query: { page, pageSize, ...(q.trim() ? { q: q.trim() } : {}), ...(status ? { status } : {}) },
          },
        }),
      ),
    [api, q, status, page, pageSize],
  );
  return useLoader(load);
}

export function useResident(id: string, reveal: boolean) {
  const api = useApi();
  const load = useCallback(async () => {
    const [resident, family] = await Promise.all([
      api.GET('/api/residents/{id}', {
        params: { path: { id }, query: reveal ? { reveal: 'true' } : {} },
      }),
      api.GET('/api/residents/{id}/family-links', { params: { path: { id } } }),
    ]);
    return { resident: unwrap(resident), family: family.response.ok ? (family.data ?? []) : [] };
  }, [api, id, reveal]);
  return useLoader(load);
}

export function useOrgUnits() {
  const api = useApi();
  const load = useCallback(async () => unwrap(await api.GET('/api/org-units')), [api]);
  return useLoader(load);
}
