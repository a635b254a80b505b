import { useCallback } from 'react';
import { unwrap, type Schemas } from '@careloom/api-client';
import { useApi, useLoader } from '@careloom/app-shell';

export type RecordItem = Schemas['RecordDto'];
export type FormSummary = Schemas['FormSummaryDto'];
export type FormVersion = Schemas['FormVersionDto'];
export type Revision = Schemas['RevisionDto'];
export type RevisionDetail = Schemas['RevisionDetailDto'];

export const RECORDS_PAGE_SIZE = 10;

/** The resident's records (newest first) with the name of who filled each, and every form's name by key. */
export function useResidentRecords(residentId: string, page: number) {
  const api = useApi();
  const load = useCallback(async () => {
    const [records, forms] = await Promise.all([
      api.GET('/api/records', {
        params: { query: { residentId, page, pageSize: RECORDS_PAGE_SIZE, sort: '-createdAt' } },
      }),
      api.GET('/api/forms'),
    ]);
    const result = unwrap(records);
    // RecordDto carries the author's id only: the first revision names the person
    const authors = await Promise.all(
      result.items.map(async (record) => {
        const revisions = await api.GET('/api/records/{id}/revisions', {
          params: { path: { id: record.id } },
        });
        const created = revisions.response.ok
          ? revisions.data?.find((r) => r.action === 'created')
          : undefined;
        return [record.id, created?.actorName] as const;
      }),
    );
    return {
      ...result,
      authors: new Map(authors),
      forms: forms.response.ok ? (forms.data ?? []) : [],
    };
  }, [api, residentId, page]);
  return useLoader(load);
}

/** Forms a nurse can fill now. */
export function usePublishedForms(enabled: boolean) {
  const api = useApi();
  const load = useCallback(
    async () =>
      enabled ? unwrap(await api.GET('/api/forms', { params: { query: { status: 'published' } } })) : [],
    [api, enabled],
  );
  return useLoader(load);
}

/** The latest published version of the form `formKey` (what POST /api/records fills). */
export function useLatestFormVersion(formKey: string) {
  const api = useApi();
  const load = useCallback(async () => {
    const forms = unwrap(await api.GET('/api/forms', { params: { query: { status: 'published' } } }));
    const form = forms.find((f) => f.key === formKey);
    if (!form || form.latestVersion === null) {
      return null;
    }
    return unwrap(
      await api.GET('/api/forms/{id}/versions/{version}', {
        params: { path: { id: form.id, version: form.latestVersion } },
      }),
    );
  }, [api, formKey]);
  return useLoader(load);
}

/** A record with the form version it was filled with (records are always read with their own version). */
export function useRecordWithForm(id: string) {
  const api = useApi();
  const load = useCallback(async () => {
    const record = unwrap(await api.GET('/api/records/{id}', { params: { path: { id } } }));
    const form = unwrap(
      await api.GET('/api/forms/{id}/versions/{version}', {
        params: { path: { id: record.formId, version: record.formVersion } },
      }),
    );
    return { record, form };
  }, [api, id]);
  return useLoader(load);
}

export function useRevisions(id: string, revision: number) {
  const api = useApi();
  // `revision` is an input so the list reloads after an edit
  const load = useCallback(async () => {
    void revision;
    return unwrap(await api.GET('/api/records/{id}/revisions', { params: { path: { id } } }));
  }, [api, id, revision]);
  return useLoader(load);
}

export function useRevision(id: string, revision: number | null) {
  const api = useApi();
  const load = useCallback(
    async () =>
      revision === null
        ? null
        : unwrap(
            await api.GET('/api/records/{id}/revisions/{revision}', {
              params: { path: { id, revision } },
            }),
          ),
    [api, id, revision],
  );
  return useLoader(load);
}
