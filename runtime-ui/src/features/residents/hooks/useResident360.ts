import { useCallback } from 'react';
import { unwrap, type ApiClient, type Schemas } from '@careloom/api-client';
import { useApi, useLoader } from '@careloom/app-shell';
import { buildTimeline } from '../utils/timeline.util.js';

export const TIMELINE_RECORDS = 20;

/** The latest elder-archive record of the resident (null when none was filled). */
export function useArchiveSummary(residentId: string) {
  const api = useApi();
  const load = useCallback(async () => {
    const page = unwrap(
      await api.GET('/api/records', {
        params: { query: { residentId, formKey: 'elder-archive', pageSize: 1, sort: '-createdAt' } },
      }),
    );
    return page.items[0] ?? null;
  }, [api, residentId]);
  return useLoader(load);
}

/** The tasks about the resident (of processes and of rules), newest first; none when the role may not read them. */
async function residentTasks(api: ApiClient, residentId: string): Promise<Schemas['TaskDto'][]> {
  const tasks = await api.GET('/api/tasks', { params: { query: { residentId } } });
  return tasks.response.ok ? (tasks.data ?? []) : [];
}

/**
 * Records, process tasks and rule alerts of the resident, newest first, with form and rule names.
 * Tasks and alerts a role may not read are left out rather than failing the page.
 */
export function useResidentTimeline(residentId: string) {
  const api = useApi();
  const load = useCallback(async () => {
    const [records, tasks, firings, forms, rules] = await Promise.all([
      api.GET('/api/records', {
        params: { query: { residentId, pageSize: TIMELINE_RECORDS, sort: '-createdAt' } },
      }),
      residentTasks(api, residentId),
      api.GET('/api/rules/firings', { params: { query: { residentId } } }),
      api.GET('/api/forms'),
      api.GET('/api/rules'),
    ]);
    const entries = buildTimeline({
      records: unwrap(records).items,
      tasks,
      firings: firings.response.ok ? (firings.data ?? []) : [],
    });
    return {
      entries,
      forms: forms.response.ok ? (forms.data ?? []) : [],
      rules: rules.response.ok ? (rules.data ?? []) : [],
    };
  }, [api, residentId]);
  return useLoader(load);
}
