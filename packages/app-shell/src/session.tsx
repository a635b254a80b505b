import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { createApiClient, unwrap, type ApiClient, type Schemas } from '@careloom/api-client';
import { useI18n } from './i18n.js';

export type CurrentUser = Schemas['MeDto'];

const TOKEN_KEY = 'careloom.token';

interface SessionValue {
  api: ApiClient;
  /** undefined while the stored token is being checked, null when signed out. */
  user: CurrentUser | null | undefined;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  hasRole: (...roles: string[]) => boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Holds the bearer token (shared by both UIs on one origin) and the signed-in user. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  const [token, setToken] = useState<string | null>(() => window.localStorage.getItem(TOKEN_KEY));
  const [user, setUser] = useState<CurrentUser | null | undefined>(token ? undefined : null);

  const forget = useCallback(() => {
    window.localStorage.removeItem(TOKEN_KEY);
    setToken(null);
    setUser(null);
  }, []);

  // one client for the session: every request carries the locale of the moment, and a change of language does not
  // make loaders keyed on the client reload (an editor would lose its unsaved work; loaders of answers the server
  // localises list `locale` among their inputs); set in a layout effect, so before any loader's effect runs
  const localeRef = useRef(locale);
  useLayoutEffect(() => {
    localeRef.current = locale;
  }, [locale]);
  const api = useMemo(
    () =>
      // the client calls getLocale when it sends a request, never while rendering
      // eslint-disable-next-line react-hooks/refs
      createApiClient({
        getToken: () => window.localStorage.getItem(TOKEN_KEY),
        getLocale: () => localeRef.current,
        onUnauthorized: forget,
      }),
    [forget],
  );

  useEffect(() => {
    if (!token || user) {
      return;
    }
    let cancelled = false;
    api
      .GET('/api/auth/me')
      .then((result) => {
        if (!cancelled) {
          setUser(result.data ?? null);
        }
      })
      .catch(() => {
        if (!cancelled) {
          setUser(null);
        }
      });
    return () => {
      cancelled = true;
    };
  }, [api, token, user]);

  const login = useCallback(
    async (username: string, password: string) => {
      const session = unwrap(await api.POST('/api/auth/login', { body: { username, password } }));
      window.localStorage.setItem(TOKEN_KEY, session.token);
      setToken(session.token);
      setUser(session.user);
    },
    [api],
  );

  const logout = useCallback(async () => {
    try {
      await api.POST('/api/auth/logout');
    } finally {
      forget();
    }
  }, [api, forget]);

  const value = useMemo<SessionValue>(
    () => ({
      api,
      user,
      login,
      logout,
      hasRole: (...roles) => Boolean(user?.roles.some((m) => roles.includes(m.role))),
    }),
    [api, user, login, logout],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) {
    throw new Error('useSession must be used inside <SessionProvider>');
  }
  return value;
}

/** The API client of the signed-in session. */
export function useApi(): ApiClient {
  return useSession().api;
}
