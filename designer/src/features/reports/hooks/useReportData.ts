import { useEffect, useRef, useState } from 'react';
import { unwrap } from '@careloom/api-client';
import { describeError, useApi, useI18n } from '@careloom/app-shell';
import type { ReportResult } from '../utils/report.types.js';

export type ReportData = { result: ReportResult } | { error: string };

/**
 * The live data of saved reports (GET /api/reports/{key}/data), each fetched once, for the dashboard
 * layout preview; a key is missing from the answer until its data arrived.
 */
export function useReportData(keys: readonly string[]): Record<string, ReportData> {
  const api = useApi();
  const { t } = useI18n();
  const [data, setData] = useState<Record<string, ReportData>>({});
  const requested = useRef(new Set<string>());
  const wanted = [...new Set(keys)].sort().join('\n');

  useEffect(() => {
    for (const key of wanted.split('\n')) {
      if (key === '' || requested.current.has(key)) {
        continue;
      }
      requested.current.add(key);
      void (async () => {
        let entry: ReportData;
        try {
          const result = unwrap(await api.GET('/api/reports/{key}/data', { params: { path: { key } } }));
          entry = { result: result as unknown as ReportResult };
        } catch (error) {
          entry = { error: describeError(error, t) };
        }
        setData((known) => ({ ...known, [key]: entry }));
      })();
    }
  }, [api, t, wanted]);

  return data;
}
