import { useState } from 'react';
import { Alert, Button, Flex, Input, Select, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { describeError, useI18n } from '@careloom/app-shell';
import {
  RESIDENT_STATUSES,
  useResidents,
  type Resident,
  type ResidentStatus,
} from '../hooks/useResidents.js';
import { CreateResidentDrawer } from './CreateResidentDrawer.js';
import { StatusTag } from './StatusTag.js';

const PAGE_SIZE = 20;

export function ResidentListPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<ResidentStatus | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const { data, error, loading, reload } = useResidents({ q, status, page, pageSize: PAGE_SIZE });

  const open = (resident: Resident) => void navigate(`/residents/${resident.id}`);

  return (
    <section>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('residents.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('residents.new')}
        </Button>
      </Flex>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('residents.search')}
          placeholder={t('residents.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(value) => {
            setQ(value);
            setPage(1);
          }}
          style={{ flex: '1 1 220px' }}
        />
        <Select<ResidentStatus | ''>
          aria-label={t('resident.status')}
          value={status ?? ''}
          onChange={(value) => {
            setStatus(value === '' ? undefined : value);
            setPage(1);
          }}
          options={[
            { value: '', label: t('residents.status.all') },
            ...RESIDENT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
          style={{ flex: '0 0 140px' }}
        />
      </Flex>
      {error !== undefined && <Alert type="error" showIcon title={describeError(error, t)} />}
      <Table<Resident>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('residents.empty') }}
        onRow={(resident) => ({ onClick: () => open(resident), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('residents.total', { total }),
          onChange: setPage,
          simple: true,
        }}
        columns={[
          {
            key: 'name',
            title: t('resident.name'),
            render: (_, r) => (
              <Typography.Link
                onClick={(e) => {
                  e.stopPropagation();
                  open(r);
                }}
              >
                {r.name}
              </Typography.Link>
            ),
          },
          {
            key: 'roomBed',
            title: t('resident.roomBed'),
            render: (_, r) => [r.room, r.bed].filter(Boolean).join(' / ') || '—',
          },
          { key: 'status', title: t('resident.status'), render: (_, r) => <StatusTag status={r.status} /> },
          { key: 'careLevel', title: t('resident.careLevel'), dataIndex: 'careLevel', responsive: ['sm'] },
          { key: 'orgUnit', title: t('resident.orgUnit'), dataIndex: 'orgUnitName', responsive: ['md'] },
        ]}
      />
      <CreateResidentDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          reload();
        }}
      />
    </section>
  );
}
