import type { LintIssue } from './forms.types.js';

/** Thrown by compileForm when lint finds errors; `issues` holds every issue (errors and warnings). */
export class FormSchemaError extends Error {
  readonly issues: LintIssue[];

  constructor(issues: LintIssue[]) {
    const errors = issues.filter((issue) => issue.severity === 'error');
    const shown = errors
      .slice(0, 3)
      .map((issue) => `${issue.path === '' ? '/' : issue.path}: ${issue.messages.en}`)
      .join('; ');
    super(
      `Invalid form schema (${errors.length} error${errors.length === 1 ? '' : 's'}): ${shown}${errors.length > 3 ? '; …' : ''}`,
    );
    this.name = 'FormSchemaError';
    this.issues = issues;
  }
}
