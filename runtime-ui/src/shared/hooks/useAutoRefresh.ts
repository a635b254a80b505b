import { useEffect } from 'react';

export const REFRESH_INTERVAL_MS = 30_000;

/** Calls `refresh` every `intervalMs` and whenever the window regains focus or becomes visible. */
export function useAutoRefresh(refresh: () => void, intervalMs = REFRESH_INTERVAL_MS): void {
  useEffect(() => {
    const timer = window.setInterval(refresh, intervalMs);
    const onVisible = () => {
      if (document.visibilityState === 'visible') {
        refresh();
      }
    };
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh, intervalMs]);
}
