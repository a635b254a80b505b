import { useCallback } from 'react';
import { unwrap, type ApiClient, type Schemas } from '@careloom/api-client';
import { useApi, useLoader } from '@careloom/app-shell';
import { sourceRecordIdOf } from '../utils/task-context.util.js';
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

/** The inbox lists (each task with its resident's name). */
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
    return { lists };
  }, [api]);
  return useLoader(load);
}

/** A resident the user may see (name, room, bed …), or null. */
async function residentOf(api: ApiClient, id: string): Promise<Schemas['ResidentDto'] | null> {
  const answer = await api.GET('/api/residents/{id}', { params: { path: { id } } });
  return answer.response.ok && answer.data ? answer.data : null;
}

/**
 * One task, its resident and its form as the task's step shows it (null: no form; undefined: the form is
 * not published): the server applies the step's field rights (hidden fields left out, read-only ones readOnly).
 */
export function useTaskDetail(id: string) {
  const api = useApi();
  const load = useCallback(async () => {
    const task = unwrap(await api.GET('/api/tasks/{id}', { params: { path: { id } } }));
    const key = formKeyOf(task.formKey);
    const [resident, form] = await Promise.all([
      task.residentId === null ? Promise.resolve(null) : residentOf(api, task.residentId),
      key === null ? Promise.resolve(null) : taskForm(api, id),
    ]);
    return { task, formKey: key, form, resident };
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

/**
 * The record the task's process instance was started from (`sourceRecordIdOf` its variables) with the form
 * version it was filled with; null when the instance names none, or when the user may not read the instance or
 * the record (the task page then shows no record rather than an error).
 */
export function useSourceRecord(instanceId: string | null) {
  const api = useApi();
  const load = useCallback(async () => {
    if (instanceId === null) {
      return null;
    }
    const instance = await api.GET('/api/process-instances/{id}', { params: { path: { id: instanceId } } });
    const recordId = instance.response.ok ? sourceRecordIdOf(instance.data?.variables) : null;
    if (recordId === null) {
      return null;
    }
    const record = await api.GET('/api/records/{id}', { params: { path: { id: recordId } } });
    if (!record.response.ok || !record.data) {
      return null;
    }
    const form = unwrap(
      await api.GET('/api/forms/{id}/versions/{version}', {
        params: { path: { id: record.data.formId, version: record.data.formVersion } },
      }),
    );
    return { record: record.data, form };
  }, [api, instanceId]);
  return useLoader(load);
}
