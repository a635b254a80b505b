import { useCallback, useState } from 'react';
import { ApiProblemError, unwrap, type Schemas } from '@careloom/api-client';
import { useApi, useI18n, useLoader } from '@careloom/app-shell';

export type PortalResident = Schemas['PortalResidentDto'];
export type PortalUpdate = Schemas['PortalUpdateDto'];
export type Notice = Schemas['NoticeDto'];

export const FEED_PAGE = 10;
export const NOTICES_PAGE = 20;

/** A 404 from the server: the thing is not there, or not the caller's to see. */
export const isNotFound = (error: unknown): boolean =>
  error instanceof ApiProblemError && error.status === 404;

/** The family member's start page: linked residents with their latest shared updates, and notices. */
export function usePortalHome() {
  const api = useApi();
  // the server writes the summaries in the request's language (Accept-Language): they reload in a new one
  const { locale } = useI18n();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `locale` goes out with the request
  const load = useCallback(async () => unwrap(await api.GET('/api/portal/home')), [api, locale]);
  return useLoader(load);
}

type FeedFirst = { resident: PortalResident | undefined; page: Schemas['PortalUpdatePageDto'] };

/** One linked resident (from the home answer) and their shared updates, older pages appended. */
export function useResidentFeed(residentId: string) {
  const api = useApi();
  // summaries in the request's language, as on the home page
  const { locale } = useI18n();
  // older pages, for the first page they were loaded after (a reload starts over)
  const [more, setMore] = useState<{ after: FeedFirst; items: PortalUpdate[]; next: string | null } | null>(
    null,
  );
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(undefined);

  const load = useCallback(async (): Promise<FeedFirst> => {
    const [home, first] = await Promise.all([
      api.GET('/api/portal/home'),
      api.GET('/api/portal/residents/{id}/updates', {
        params: { path: { id: residentId }, query: { limit: FEED_PAGE } },
      }),
    ]);
    const page = unwrap(first);
    return { resident: unwrap(home).residents.find((r) => r.id === residentId), page };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `locale` goes out with the request
  }, [api, residentId, locale]);
  const loaded = useLoader(load);
  const first = loaded.data;
  const extra = first && more?.after === first ? more : null;
  const items = first ? [...first.page.items, ...(extra?.items ?? [])] : [];
  const next = extra ? extra.next : (first?.page.nextBefore ?? null);

  const loadMore = useCallback(async () => {
    if (!first || !next) {
      return;
    }
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = unwrap(
        await api.GET('/api/portal/residents/{id}/updates', {
          params: { path: { id: residentId }, query: { limit: FEED_PAGE, before: next } },
        }),
      );
      setMore({ after: first, items: [...(extra?.items ?? []), ...page.items], next: page.nextBefore });
    } catch (error) {
      setMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  }, [api, residentId, first, next, extra]);

  return { ...loaded, items, hasMore: next !== null, loadMore, loadingMore, moreError };
}

export function useNotices(page: number) {
  const api = useApi();
  const load = useCallback(
    async () =>
      unwrap(await api.GET('/api/portal/notices', { params: { query: { page, pageSize: NOTICES_PAGE } } })),
    [api, page],
  );
  return useLoader(load);
}
