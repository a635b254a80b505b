import { useEffect, useState } from 'react';
import { ApiProblemError, unwrap } from '@careloom/api-client';
import { describeError, useApi, useI18n } from '@careloom/app-shell';
import { previewable, specProblems } from '../utils/report-spec.util.js';
import type { ReportResult, ReportSpec, SpecProblem } from '../utils/report.types.js';

export interface ReportPreview {
  result: ReportResult | null;
  /** The server's problems with the spec, as pointers into it (`/dataset/measures/0/p`). */
  problems: SpecProblem[];
  /** A failure that is not about the spec (network, server). */
  failure: string | null;
  /** True while the spec on screen has not been computed yet. */
  running: boolean;
}

interface Settled {
  spec: ReportSpec;
  result: ReportResult | null;
  problems: SpecProblem[];
  failure: string | null;
}

const DEBOUNCE_MS = 500;
const IDLE: ReportPreview = { result: null, problems: [], failure: null, running: false };

/**
 * Runs the unsaved spec on the server (POST /api/reports/preview) half a second after the last edit. While
 * a newer spec waits, the last answer stays on screen.
 */
export function useReportPreview(spec: ReportSpec): ReportPreview {
  const api = useApi();
  const { t } = useI18n();
  const [settled, setSettled] = useState<Settled | null>(null);
  const runnable = previewable(spec);

  useEffect(() => {
    if (!runnable) {
      return undefined;
    }
    let current = true;
    const timer = window.setTimeout(() => {
      void (async () => {
        let next: Settled;
        try {
          const result = unwrap(await api.POST('/api/reports/preview', { body: { report: spec } }));
          next = { spec, result: result as unknown as ReportResult, problems: [], failure: null };
        } catch (error) {
          next =
            error instanceof ApiProblemError && error.status === 400 && error.problem.errors?.length
              ? { spec, result: null, problems: specProblems(error.problem.errors), failure: null }
              : { spec, result: null, problems: [], failure: describeError(error, t) };
        }
        if (current) {
          setSettled(next);
        }
      })();
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [api, spec, runnable, t]);

  if (!runnable) {
    return IDLE;
  }
  return settled
    ? {
        result: settled.result,
        problems: settled.problems,
        failure: settled.failure,
        running: settled.spec !== spec,
      }
    : { ...IDLE, running: true };
}
