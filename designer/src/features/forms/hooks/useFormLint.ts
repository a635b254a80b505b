import { useEffect, useState } from 'react';
import { unwrap, type Schemas } from '@careloom/api-client';
import { useApi } from '@careloom/app-shell';
import type { SchemaNode } from '../utils/form-schema.types.js';

export type LintIssue = Schemas['LintIssueDto'];

const DEBOUNCE_MS = 400;

/** The server's lint of the schema being edited (POST /api/forms/validate), debounced; `initial` until it answers. */
export function useFormLint(
  schema: SchemaNode,
  initial: readonly LintIssue[],
): { issues: readonly LintIssue[]; checking: boolean } {
  const api = useApi();
  const [result, setResult] = useState<{ schema: SchemaNode | null; issues: readonly LintIssue[] }>({
    schema: null,
    issues: initial,
  });
  useEffect(() => {
    let current = true;
    const timer = window.setTimeout(() => {
      api
        .POST('/api/forms/validate', { body: { schema } })
        .then((response) => {
          if (current) {
            setResult({ schema, issues: unwrap(response).lint });
          }
        })
        .catch(() => {
          // offline or a server error: keep the last findings
        });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [api, schema]);
  return { issues: result.issues, checking: result.schema !== schema };
}
