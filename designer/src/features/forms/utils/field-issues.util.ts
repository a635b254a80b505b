import type { FieldRef } from './form-schema.types.js';
import { refOfPointer } from './form-schema.util.js';

/** A lint finding or publish error, at the field it is about. */
export interface FieldIssue {
  severity: 'error' | 'warning';
  message: string;
  /** Pointer into the schema. */
  path: string;
  code?: string;
}

export function refKey(ref: FieldRef): string {
  return `${ref.container ?? ''}/${ref.key}`;
}

/** Publish errors point into the request (`/schema/properties/…`): the schema part of the path. */
export function schemaPointer(path: string): string {
  return path.startsWith('/schema/') ? path.slice('/schema'.length) : path === '/schema' ? '' : path;
}

/** Issues grouped by the field they point into (`refKey`); the rest under ''. */
export function issuesByField(issues: readonly FieldIssue[]): Map<string, FieldIssue[]> {
  const grouped = new Map<string, FieldIssue[]>();
  for (const issue of issues) {
    const ref = refOfPointer(schemaPointer(issue.path));
    const key = ref ? refKey(ref) : '';
    grouped.set(key, [...(grouped.get(key) ?? []), issue]);
  }
  return grouped;
}
