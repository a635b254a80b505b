import type { LogicIssue } from '@careloom/logic';
import type { LintIssue, Locale } from './forms.types.js';
import { lintIssue } from './lint-issue.util.js';

/** Re-roots logic issues under the schema pointer of the keyword holding the expression; codes become `logic.<code>`. */
export function logicIssues(issues: readonly LogicIssue[], base: string, locale: Locale): LintIssue[] {
  return issues.map((issue) => {
    const inner =
      issue.path === '' || issue.path === '/'
        ? ''
        : issue.path.startsWith('/')
          ? issue.path
          : `/${issue.path}`;
    return lintIssue(issue.severity, `logic.${issue.code}`, `${base}${inner}`, issue.messages, locale);
  });
}
