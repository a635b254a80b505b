import { useCallback, useState } from 'react';
import { App } from 'antd';
import type { ErrorSchema } from '@rjsf/utils';
import { ApiProblemError } from '@careloom/api-client';
import { describeError, useI18n } from '@careloom/app-shell';
import { applyServerErrors } from '@careloom/form-kit';

export interface FormSubmitOptions {
  /** Message key shown when the server refuses the data field by field (the fields show the details). */
  invalidMessage: string;
  /** Whether a 409 means "someone else changed it first" and sets `conflict` instead of a toast. */
  detectConflict?: boolean;
}

export interface FormSubmit {
  saving: boolean;
  /** The server's field errors, ready for CareForm's `extraErrors`. */
  serverErrors: ErrorSchema | undefined;
  conflict: boolean;
  /** Runs `action`; field errors land on the form, a conflict sets `conflict`, anything else is a toast. */
  submit: (action: () => Promise<void>) => Promise<void>;
  clearServerErrors: () => void;
  clearConflict: () => void;
}

/** The save pattern every form page shares: one request at a time, server problems shown where they belong. */
export function useFormSubmit({ invalidMessage, detectConflict = false }: FormSubmitOptions): FormSubmit {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [serverErrors, setServerErrors] = useState<ErrorSchema | undefined>(undefined);
  const [conflict, setConflict] = useState(false);

  const submit = useCallback(
    async (action: () => Promise<void>) => {
      setSaving(true);
      try {
        await action();
        setServerErrors(undefined);
      } catch (e) {
        if (detectConflict && e instanceof ApiProblemError && e.status === 409) {
          setConflict(true);
        } else if (e instanceof ApiProblemError && e.problem.errors?.length) {
          setServerErrors(applyServerErrors(e.problem.errors));
          void message.error(t(invalidMessage));
        } else {
          void message.error(describeError(e, t));
        }
      } finally {
        setSaving(false);
      }
    },
    [detectConflict, invalidMessage, message, t],
  );
  const clearServerErrors = useCallback(() => setServerErrors(undefined), []);
  const clearConflict = useCallback(() => setConflict(false), []);

  return { saving, serverErrors, conflict, submit, clearServerErrors, clearConflict };
}
