import type { Labels, LintIssue, Locale } from './forms.types.js';

/** Builds a LintIssue; `message` is the text in `locale`. */
export function lintIssue(
  severity: LintIssue['severity'],
  code: string,
  path: string,
  messages: Labels,
  locale: Locale,
): LintIssue {
  return { severity, code, path, message: messages[locale], messages };
}
