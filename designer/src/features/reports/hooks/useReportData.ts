import { useEffect, useRef, useState } from 'react';
import { unwrap } from '@careloom/api-client';
import { describeError, useApi, useI18n } from '@careloom/app-shell';
import type { ReportResult } from '../utils/report.types.js';

export type ReportData = { result: ReportResult } | { error: string };

/**
 * The live data of saved reports (GET /api/reports/{key}/data), each fetched once per language (the server words
 * labels by the request's language), for the dashboard layout preview; a key is missing from the answer until its
 * data arrived. After a change of language the previous words stay shown until the new ones arrive.
 */
export function useReportData(keys: readonly string[]): Record<string, ReportData> {
  const api = useApi();
  const { t, locale } = useI18n();
  const [data, setData] = useState<Record<string, ReportData>>({});
  const requested = useRef({ locale, keys: new Set<string>() });
  const wanted = [...new Set(keys)].sort().join('\n');

  useEffect(() => {
    if (requested.current.locale !== locale) {
      requested.current = { locale, keys: new Set() };
    }
    const round = requested.current;
    for (const key of wanted.split('\n')) {
      if (key === '' || round.keys.has(key)) {
        continue;
      }
      round.keys.add(key);
      void (async () => {
        let entry: ReportData;
        try {
          const result = unwrap(await api.GET('/api/reports/{key}/data', { params: { path: { key } } }));
          entry = { result: result as unknown as ReportResult };
        } catch (error) {
          entry = { error: describeError(error, t) };
        }
        // an answer in a language the user has since left is not shown
        if (requested.current === round) {
          setData((known) => ({ ...known, [key]: entry }));
        }
      })();
    }
  }, [api, t, locale, wanted]);

  return data;
}
