import { useCallback } from 'react';
import { Alert, Flex, Select, Skeleton, Typography } from 'antd';
import { unwrap, type Schemas } from '@careloom/api-client';
import { useApi, useI18n, useLoader } from '@careloom/app-shell';
import { FIELD_RIGHTS, type FieldRight } from '@careloom/engine';
import {
  readFieldRights,
  rightOf,
  rightsFields,
  withRight,
  writeFieldRights,
} from '../utils/field-rights.util.js';

export interface FieldRightsEditorProps {
  /** The published form chosen for the task. */
  form: Schemas['FormSummaryDto'];
  /** The task's `careloom:fieldRights` text ('' when unset). */
  value: string;
  /** The new attribute text; undefined removes the attribute. */
  onChange: (text: string | undefined) => void;
}

/**
 * 字段权限 / Field rights of a user task: per field of its form (latest published version) hidden, read-only,
 * editable or required at this step, plus the default for the rest; writes `careloom:fieldRights`.
 */
export function FieldRightsEditor({ form, value, onChange }: FieldRightsEditorProps) {
  const { t, locale } = useI18n();
  const api = useApi();
  const load = useCallback(async () => {
    if (form.latestVersion === null) {
      return null;
    }
    return unwrap(
      await api.GET('/api/forms/{id}/versions/{version}', {
        params: { path: { id: form.id, version: form.latestVersion } },
      }),
    );
  }, [api, form.id, form.latestVersion]);
  const { data: version, error, loading } = useLoader(load);
  const rights = readFieldRights(value);
  const options = FIELD_RIGHTS.map((right) => ({ value: right, label: t(`pe.rights.${right}`) }));
  const set = (pointer: string, right: FieldRight) => {
    if (rights) {
      onChange(writeFieldRights(withRight(rights, pointer, right)));
    }
  };

  return (
    <Flex vertical gap={6} data-testid="field-rights" role="group" aria-label={t('pe.rights.title')}>
      <Typography.Text strong>{t('pe.rights.title')}</Typography.Text>
      <Typography.Text type="secondary">{t('pe.rights.help')}</Typography.Text>
      {rights === null && <Alert type="warning" showIcon title={t('pe.rights.unreadable', { value })} />}
      {error !== undefined && <Alert type="error" showIcon title={t('pe.rights.loadFailed')} />}
      {loading && version === undefined && <Skeleton active paragraph={{ rows: 2 }} />}
      {rights !== null && version && (
        <>
          <Flex gap={8} align="center" wrap>
            <Typography.Text style={{ flex: '1 1 140px' }}>{t('pe.rights.default')}</Typography.Text>
            <Select<FieldRight>
              aria-label={t('pe.rights.default')}
              value={rights.default}
              options={options}
              style={{ flex: '0 0 120px' }}
              onChange={(right) => set('*', right)}
            />
          </Flex>
          {rightsFields(version.schema, locale).map((field) => {
            const parent = field.pointer.slice(0, field.pointer.lastIndexOf('/'));
            const inherited = parent !== '' && rightOf(rights, parent) !== rights.default;
            return (
              <Flex key={field.pointer} gap={8} align="center" wrap style={{ paddingLeft: field.depth * 16 }}>
                <Typography.Text
                  style={{ flex: '1 1 140px', minWidth: 0 }}
                  ellipsis={{ tooltip: field.pointer }}
                >
                  {field.label}
                </Typography.Text>
                <Select<FieldRight>
                  aria-label={t('pe.rights.fieldLabel', { field: field.label })}
                  data-testid={`field-right-${field.pointer}`}
                  value={rightOf(rights, field.pointer)}
                  options={options}
                  disabled={inherited}
                  style={{ flex: '0 0 120px' }}
                  onChange={(right) => set(field.pointer, right)}
                />
              </Flex>
            );
          })}
        </>
      )}
    </Flex>
  );
}
