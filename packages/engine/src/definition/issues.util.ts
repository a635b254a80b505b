import type { DeployIssue } from './definition.types.js';

/** Collects bilingual deploy issues. */
export class IssueCollector {
  readonly errors: DeployIssue[] = [];
  readonly warnings: DeployIssue[] = [];

  error(elementId: string | null, elementType: string | null, en: string, zh: string): void {
    this.errors.push(issue(elementId, elementType, en, zh));
  }

  warning(elementId: string | null, elementType: string | null, en: string, zh: string): void {
    this.warnings.push(issue(elementId, elementType, en, zh));
  }
}

export const issue = (
  elementId: string | null,
  elementType: string | null,
  en: string,
  zh: string,
): DeployIssue => ({
  elementId,
  elementType,
  message: elementId === null ? en : `${elementId}: ${en}`,
  messages: { 'zh-CN': zh, en },
});
