import { useId, useState } from 'react';
import { App, Button, InputNumber, Space, Typography } from 'antd';
import type { Schemas } from '@careloom/api-client';
import { describeError, useApi, useI18n } from '@careloom/app-shell';

type OrgUnit = Schemas['OrgUnitDto'];

/** Beds of one org unit (occupancy capacity); empty = the sum of the units below. Key it by unit and count. */
export function BedCountEditor({ unit, onSaved }: { unit: OrgUnit; onSaved: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const inputId = useId();
  const hintId = useId();
  const [value, setValue] = useState<number | null>(unit.bedCount);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setSaving(true);
    try {
      const result = await api.PATCH('/api/org-units/{id}/capacity', {
        params: { path: { id: unit.id } },
        body: { bedCount: value },
      });
      if (result.data) {
        void message.success(t('org.beds.saved', { name: unit.name }));
        onSaved();
      } else {
        void message.error(describeError(result.error, t));
      }
    } catch (e) {
      void message.error(describeError(e, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div style={{ marginTop: 12 }}>
      <label htmlFor={inputId} style={{ display: 'block', marginBottom: 4 }}>
        {t('org.beds.label', { name: unit.name })}
      </label>
      <Space.Compact style={{ width: '100%', maxWidth: 320 }}>
        <InputNumber
          id={inputId}
          aria-describedby={hintId}
          min={0}
          max={100000}
          precision={0}
          value={value}
          onChange={(next) => setValue(typeof next === 'number' ? next : null)}
          onPressEnter={() => void save()}
          style={{ width: '100%' }}
        />
        <Button type="primary" loading={saving} onClick={() => void save()}>
          {t('org.beds.save')}
        </Button>
      </Space.Compact>
      <Typography.Paragraph id={hintId} type="secondary" style={{ marginTop: 4, marginBottom: 0 }}>
        {t('org.beds.hint')}
      </Typography.Paragraph>
    </div>
  );
}
