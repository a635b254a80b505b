import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { unwrap, type Schemas } from '@careloom/api-client';
import { useApi, useLoader } from '@careloom/app-shell';
import type { BuilderField } from '../../../shared/logic-builder/index.js';
import { builderFields } from '../../forms/utils/form-schema.util.js';
import type { ProcessTask } from '../utils/rule-loop.util.js';

export type FormSummary = Schemas['FormSummaryDto'];
export type RoleSummary = Schemas['RoleDto'];
export type ProcessSummary = Schemas['ProcessSummaryDto'];
export type UserSummary = Schemas['UserDto'];

/** What the rule editor's pickers offer: forms (and their fields, loaded on demand), roles, users, processes. */
export interface RuleResources {
  forms: FormSummary[];
  roles: RoleSummary[];
  users: UserSummary[];
  processes: ProcessSummary[];
  /** The fields of a form's latest published version (its draft while unpublished); [] until loaded. */
  fieldsOf: (formKey: string) => BuilderField[];
  /** User tasks (id, name, form) of a process's latest version; [] until loaded. */
  tasksOf: (processKey: string) => ProcessTask[];
  loading: boolean;
}

const CAMUNDA_NS = 'http://camunda.org/schema/1.0/bpmn';

/** User tasks of BPMN XML: `<bpmn:userTask id name camunda:formKey>` in any prefix. */
function userTasks(xml: string): ProcessTask[] {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  return [...doc.getElementsByTagNameNS('*', 'userTask')].map((element) => {
    const formKey = element.getAttributeNS(CAMUNDA_NS, 'formKey');
    return {
      id: element.getAttribute('id') ?? '',
      name: element.getAttribute('name') ?? '',
      ...(formKey ? { formKey } : {}),
    };
  });
}

export function useRuleResources(
  wantedForms: readonly string[],
  wantedProcesses: readonly string[],
): RuleResources {
  const api = useApi();
  const load = useCallback(async () => {
    const [forms, roles, users, processes] = await Promise.all([
      api.GET('/api/forms'),
      api.GET('/api/roles'),
      api.GET('/api/users'),
      api.GET('/api/processes'),
    ]);
    return {
      forms: unwrap(forms),
      roles: unwrap(roles),
      users: unwrap(users).items,
      processes: unwrap(processes),
    };
  }, [api]);
  const { data, loading } = useLoader(load);
  const [fields, setFields] = useState<Record<string, BuilderField[]>>({});
  const [tasks, setTasks] = useState<Record<string, ProcessTask[]>>({});
  /** Forms and processes already asked for (each once). */
  const requested = useRef(new Set<string>());
  const formKeys = useMemo(
    () => [...new Set(wantedForms.filter((k) => k !== ''))].sort().join('\n'),
    [wantedForms],
  );
  const processKeys = useMemo(
    () => [...new Set(wantedProcesses.filter((k) => k !== ''))].sort().join('\n'),
    [wantedProcesses],
  );

  useEffect(() => {
    if (!data) {
      return;
    }
    for (const key of formKeys.split('\n')) {
      const summary = data.forms.find((form) => form.key === key);
      if (!summary || requested.current.has(`form:${key}`)) {
        continue;
      }
      requested.current.add(`form:${key}`);
      void (async () => {
        try {
          const schema =
            summary.latestVersion === null
              ? unwrap(await api.GET('/api/forms/{id}', { params: { path: { id: summary.id } } }))
              : unwrap(
                  await api.GET('/api/forms/{id}/versions/{version}', {
                    params: { path: { id: summary.id, version: summary.latestVersion } },
                  }),
                );
          const doc =
            'draftSchema' in schema
              ? { schema: schema.draftSchema, uiSchema: schema.draftUiSchema }
              : { schema: schema.schema, uiSchema: schema.uiSchema };
          setFields((current) => ({ ...current, [key]: builderFields(doc) }));
        } catch {
          // the pickers stay empty; the JSON editor still works
        }
      })();
    }
  }, [api, data, formKeys]);

  useEffect(() => {
    if (!data) {
      return;
    }
    for (const key of processKeys.split('\n')) {
      if (!data.processes.some((process) => process.key === key) || requested.current.has(`process:${key}`)) {
        continue;
      }
      requested.current.add(`process:${key}`);
      void (async () => {
        try {
          const detail = unwrap(await api.GET('/api/processes/{key}', { params: { path: { key } } }));
          setTasks((current) => ({ ...current, [key]: userTasks(detail.xml) }));
        } catch {
          // leave the element select empty; the id can still be typed
        }
      })();
    }
  }, [api, data, processKeys]);

  return {
    forms: data?.forms ?? [],
    roles: data?.roles ?? [],
    users: data?.users ?? [],
    processes: data?.processes ?? [],
    fieldsOf: (key) => fields[key] ?? [],
    tasksOf: (key) => tasks[key] ?? [],
    loading,
  };
}
