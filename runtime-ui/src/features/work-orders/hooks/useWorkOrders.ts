import { useCallback } from 'react';
import { unwrap, type Schemas } from '@careloom/api-client';
import { useApi, useLoader } from '@careloom/app-shell';
import type { StatusTab } from '../utils/work-order-view.util.js';

export type WorkOrder = Schemas['WorkOrderSummaryDto'];
export type WorkOrderDetail = Schemas['WorkOrderDetailDto'];
export type SlaClock = Schemas['SlaClockDto'];

export interface WorkOrderFilters {
  tab: StatusTab;
  type: string | undefined;
  role: string | undefined;
  overdue: boolean;
  limit: number;
}

/** A page of work orders, newest first, with the filters of the list page. */
export function useWorkOrders(filters: WorkOrderFilters) {
  const api = useApi();
  const { tab, type, role, overdue, limit } = filters;
  const load = useCallback(
    async () =>
      unwrap(
        await api.GET('/api/work-orders', {
          params: {
            query: {
              limit,
              ...(tab === 'all' ? {} : { status: tab }),
              ...(type ? { type } : {}),
              ...(role ? { role } : {}),
              ...(overdue ? { overdue: 'true' as const } : {}),
            },
          },
        }),
      ),
    [api, tab, type, role, overdue, limit],
  );
  return useLoader(load);
}

export function useWorkOrder(id: string) {
  const api = useApi();
  const load = useCallback(
    async () => unwrap(await api.GET('/api/work-orders/{id}', { params: { path: { id } } })),
    [api, id],
  );
  return useLoader(load);
}
