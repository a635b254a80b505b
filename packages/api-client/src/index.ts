// The typed client of the CareLoom HTTP API. `schema.ts` is generated from the server's OpenAPI
// document (`npm run generate:api-client`) and never edited by hand; this file only adds auth and
// the problem+json error shape.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.js';

export type { components, paths };
export type Schemas = components['schemas'];

export type FieldProblem = { path: string; message: string };

/** The one error shape the server answers with (`application/problem+json`). */
export type ProblemDetails = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: FieldProblem[];
};

export class ApiProblemError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails;

  constructor(problem: ProblemDetails) {
    super(problem.detail || problem.title);
    this.name = 'ApiProblemError';
    this.status = problem.status;
    this.problem = problem;
  }

  /** The message for one field (JSON pointer such as `/birthDate`), if the server named it. */
  fieldMessage(path: string): string | undefined {
    return this.problem.errors?.find((e) => e.path === path)?.message;
  }
}

export type ApiClient = Client<paths>;

export interface ApiClientOptions {
  /** Origin of the server; '' (the default) means the page's own origin. */
  baseUrl?: string;
  /** Returns the bearer token to send, or null when signed out. */
  getToken?: () => string | null;
  /** The UI locale, sent as Accept-Language. */
  getLocale?: () => string;
  /** Called after any 401 so the UI can drop its session and show the login page. */
  onUnauthorized?: () => void;
  fetch?: typeof globalThis.fetch;
}

function isProblem(value: unknown): value is ProblemDetails {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value;
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? '',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const auth: Middleware = {
    onRequest({ request }) {
      const token = options.getToken?.();
      if (token) {
        request.headers.set('Authorization', `Bearer ${token}`);
      }
      const locale = options.getLocale?.();
      if (locale) {
        request.headers.set('Accept-Language', locale);
      }
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401) {
        options.onUnauthorized?.();
      }
      return response;
    },
  };
  client.use(auth);
  return client;
}

/**
 * Returns the data of an openapi-fetch result or throws an ApiProblemError, so callers handle
 * failures in one place: `const me = unwrap(await api.GET('/api/auth/me'))`.
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok && result.error === undefined) {
    return result.data as T;
  }
  const error = result.error;
  if (isProblem(error)) {
    throw new ApiProblemError(error);
  }
  throw new ApiProblemError({
    type: 'about:blank',
    title: result.response.statusText || 'Error',
    status: result.response.status,
    detail: typeof error === 'string' ? error : `The server answered ${result.response.status}.`,
  });
}
