import { useCallback } from 'react';
import { unwrap, type ApiClient, type Schemas } from '@careloom/api-client';
import { useApi, useLoader } from '@careloom/app-shell';
import { formKeyOf } from '../utils/task-view.util.js';

export type Task = Schemas['TaskDto'];
export type InboxTab = 'mine' | 'candidate' | 'overdue' | 'done';
/** The work queues, then the look back at what one completed (where a withdraw starts). */
export const INBOX_TABS: readonly InboxTab[] = ['mine', 'candidate', 'overdue', 'done'];

const TAB_QUERY = {
  mine: { mine: 'true' },
  candidate: { candidate: 'true' },
  overdue: { overdue: 'true' },
  done: { done: 'true' },
} as const satisfies Record<InboxTab, Record<string, 'true'>>;

/** Names of the given residents by id; a resident the user may not see is left out. */
async function residentNames(api: ApiClient, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const distinct = [...new Set(ids.filter((id): id is string => id !== null))];
  const found = await Promise.all(
    distinct.map(async (id) => {
      const answer = await api.GET('/api/residents/{id}', { params: { path: { id } } });
      return answer.response.ok && answer.data ? ([id, answer.data.name] as const) : null;
    }),
  );
  return new Map(found.filter((entry): entry is readonly [string, string] => entry !== null));
}

/** The three inbox lists and the names of the residents they concern. */
export function useTaskInbox() {
  const api = useApi();
  const load = useCallback(async () => {
    const [mine, candidate, overdue, done] = await Promise.all(
      INBOX_TABS.map(async (tab) =>
        unwrap(await api.GET('/api/tasks', { params: { query: TAB_QUERY[tab] } })),
      ),
    );
    const lists: Record<InboxTab, Task[]> = {
      mine: mine ?? [],
      candidate: candidate ?? [],
      overdue: overdue ?? [],
      done: done ?? [],
    };
    const residents = await residentNames(
      api,
      INBOX_TABS.flatMap((tab) => lists[tab]).map((task) => task.residentId),
    );
    return { lists, residents };
  }, [api]);
  return useLoader(load);
}

/**
 * One task, its resident's name and its form as the task's step shows it (null: no form; undefined: the form is
 * not published): the server applies the step's field rights (hidden fields left out, read-only ones readOnly).
 */
export function useTaskDetail(id: string) {
  const api = useApi();
  const load = useCallback(async () => {
    const task = unwrap(await api.GET('/api/tasks/{id}', { params: { path: { id } } }));
    const key = formKeyOf(task.formKey);
    const [residents, form] = await Promise.all([
      residentNames(api, [task.residentId]),
      key === null ? Promise.resolve(null) : taskForm(api, id),
    ]);
    return {
      task,
      formKey: key,
      form,
      residentName: task.residentId ? (residents.get(task.residentId) ?? null) : null,
    };
  }, [api, id]);
  return useLoader(load);
}

/** The task's form with its starting data, or undefined when the form is missing or not published. */
async function taskForm(api: ApiClient, id: string): Promise<Schemas['TaskFormDto'] | undefined> {
  const answer = await api.GET('/api/tasks/{id}/form', { params: { path: { id } } });
  if (answer.response.status === 404 || answer.response.status === 409) {
    return undefined;
  }
  return unwrap(answer);
}
