import { ApiProblemError } from '@careloom/api-client';
import type { Translate } from './i18n.js';

/** antd form fields with the server's messages: `/birthDate` → `birthDate`, `/contact/phone` → ['contact','phone']. */
export function fieldErrorsOf(error: unknown): { name: string[]; errors: string[] }[] {
  if (!(error instanceof ApiProblemError) || !error.problem.errors) {
    return [];
  }
  return error.problem.errors.map((e) => ({
    name: e.path.split('/').filter((segment) => segment.length > 0),
    errors: [e.message],
  }));
}

/** One sentence a person can act on, for a toast or an alert. */
export function describeError(error: unknown, t: Translate): string {
  if (error instanceof ApiProblemError) {
    return error.problem.detail || error.problem.title;
  }
  return t('shell.error.network');
}
