import { useCallback, useEffect, useState } from 'react';
import { unwrap, type Schemas } from '@careloom/api-client';
import { useApi, useLoader } from '@careloom/app-shell';
import { formReportFields, SOURCE_FIELDS, type ReportField } from '../utils/report-fields.util.js';
import type { ReportSpec } from '../utils/report.types.js';

export type FormSummary = Schemas['FormSummaryDto'];
export type ProcessSummary = Schemas['ProcessSummaryDto'];
export type RoleSummary = Schemas['RoleDto'];

export interface ReportResources {
  /** Published forms (reports read the latest published version). */
  forms: FormSummary[];
  processes: ProcessSummary[];
  /** Roles, for the activity source's role. */
  roles: RoleSummary[];
  /** The fields of the spec's source; [] while a form's schema loads. */
  fields: ReportField[];
  /** True while the source's fields load. */
  fieldsLoading: boolean;
}

/** What the report editor's pickers offer: forms, processes, and the fields of the chosen source. */
export function useReportResources(source: ReportSpec['dataset']['source']): ReportResources {
  const api = useApi();
  const load = useCallback(async () => {
    const [forms, processes, roles] = await Promise.all([
      api.GET('/api/forms'),
      api.GET('/api/processes'),
      api.GET('/api/roles'),
    ]);
    return {
      forms: unwrap(forms).filter((form) => form.latestVersion !== null),
      processes: unwrap(processes),
      roles: unwrap(roles),
    };
  }, [api]);
  const { data } = useLoader(load);
  const [formFields, setFormFields] = useState<Record<string, ReportField[]>>({});
  const formKey = source.type === 'records' ? source.formKey : '';
  const summary = data?.forms.find((form) => form.key === formKey);

  useEffect(() => {
    if (!summary || summary.latestVersion === null || formFields[summary.key]) {
      return;
    }
    let current = true;
    void (async () => {
      try {
        const version = unwrap(
          await api.GET('/api/forms/{id}/versions/{version}', {
            params: { path: { id: summary.id, version: summary.latestVersion ?? 1 } },
          }),
        );
        if (current) {
          setFormFields((known) => ({
            ...known,
            [summary.key]: formReportFields({ schema: version.schema, uiSchema: version.uiSchema ?? {} }),
          }));
        }
      } catch {
        // the pickers stay empty; the JSON tab still works
      }
    })();
    return () => {
      current = false;
    };
  }, [api, summary, formFields]);

  const fields =
    source.type === 'records' ? (formFields[formKey] ?? []) : [...(SOURCE_FIELDS[source.type] ?? [])];
  return {
    forms: data?.forms ?? [],
    processes: data?.processes ?? [],
    roles: data?.roles ?? [],
    fields,
    fieldsLoading: source.type === 'records' && formKey !== '' && formFields[formKey] === undefined,
  };
}
