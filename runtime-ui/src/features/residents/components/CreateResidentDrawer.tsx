import { useState } from 'react';
import { App, AutoComplete, Button, Drawer, Flex, Form, Input, Radio, Select } from 'antd';
import { unwrap, type Schemas } from '@careloom/api-client';
import { describeError, fieldErrorsOf, useApi, useI18n } from '@careloom/app-shell';
import { useOrgUnits } from '../hooks/useResidents.js';
import { orgUnitOptions } from '../utils/org-unit-options.util.js';

type CreateResident = Schemas['CreateResidentDto'];

const CARE_LEVELS = ['特级护理', '一级护理', '二级护理', '三级护理'];

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (resident: Schemas['ResidentDto']) => void;
}

export function CreateResidentDrawer({ open, onClose, onCreated }: Props) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateResident>();
  const [saving, setSaving] = useState(false);
  const units = useOrgUnits();
  const required = [{ required: true, message: t('form.required') }];

  const save = async (body: CreateResident) => {
    setSaving(true);
    try {
      const resident = unwrap(await api.POST('/api/residents', { body }));
      void message.success(t('residents.created', { name: resident.name }));
      form.resetFields();
      onCreated(resident);
    } catch (e) {
      const fields = fieldErrorsOf(e);
      if (fields.length > 0) {
        form.setFields(fields as Parameters<typeof form.setFields>[0]);
      } else {
        void message.error(describeError(e, t));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      title={t('residents.new')}
      open={open}
      onClose={onClose}
      size={480}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('form.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="save-resident">
            {t('form.save')}
          </Button>
        </Flex>
      }
    >
      <Form<CreateResident> form={form} layout="vertical" onFinish={(v) => void save(v)} scrollToFirstError>
        <Form.Item
          name="name"
          label={t('resident.name')}
          rules={[...required, { whitespace: true, message: t('form.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="gender" label={t('resident.gender')} rules={required}>
          <Radio.Group
            options={[
              { value: 'female', label: t('resident.gender.female') },
              { value: 'male', label: t('resident.gender.male') },
            ]}
          />
        </Form.Item>
        <Form.Item name="birthDate" label={t('resident.birthDate')} rules={required}>
          <Input type="date" max={new Date().toISOString().slice(0, 10)} />
        </Form.Item>
        <Form.Item name="orgUnitId" label={t('resident.orgUnit')} rules={required}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={units.loading}
            options={orgUnitOptions(units.data ?? [])}
          />
        </Form.Item>
        <Flex gap={8}>
          <Form.Item name="room" label={t('resident.room')} style={{ flex: 1 }}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="bed" label={t('resident.bed')} style={{ flex: 1 }}>
            <Input maxLength={20} />
          </Form.Item>
        </Flex>
        <Form.Item name="careLevel" label={t('resident.careLevel')}>
          <AutoComplete options={CARE_LEVELS.map((value) => ({ value }))} />
        </Form.Item>
        <Form.Item name="idNumber" label={t('resident.idNumber')}>
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item name="phone" label={t('resident.phone')}>
          <Input maxLength={20} inputMode="tel" autoComplete="off" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
