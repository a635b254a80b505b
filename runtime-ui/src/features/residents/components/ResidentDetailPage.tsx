import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  List,
  Modal,
  Skeleton,
  Space,
  Switch,
  Typography,
} from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { unwrap } from '@careloom/api-client';
import { describeError, useApi, useI18n, useSession } from '@careloom/app-shell';
import { RecordsCard } from '../../records/components/RecordsCard.js';
import { FileComplaintButton } from '../../work-orders/components/FileComplaintButton.js';
import { useResident, type ResidentStatus } from '../hooks/useResidents.js';
import { ArchiveSummary } from './ArchiveSummary.js';
import { ResidentTimeline } from './ResidentTimeline.js';
import { StatusTag } from './StatusTag.js';

const SENSITIVE_READERS = ['admin', 'head-nurse', 'front-desk', 'doctor'];

function ageOf(birthDate: string, today = new Date()): number {
  const [y = 0, m = 1, d = 1] = birthDate.split('-').map(Number);
  const beforeBirthday = today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d);
  return today.getFullYear() - y - (beforeBirthday ? 1 : 0);
}

export function ResidentDetailPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const api = useApi();
  const { hasRole } = useSession();
  const { message } = App.useApp();
  const [reveal, setReveal] = useState(false);
  const [target, setTarget] = useState<ResidentStatus | null>(null);
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const { data, error, loading, reload } = useResident(id, reveal);

  const changeStatus = async () => {
    if (!target) {
      return;
    }
    setSaving(true);
    try {
      unwrap(
        await api.POST('/api/residents/{id}/status', {
          params: { path: { id } },
          body: { status: target, ...(reason.trim() ? { reason: reason.trim() } : {}) },
        }),
      );
      void message.success(t('resident.changeStatus.done', { status: t(`status.${target}`) }));
      setTarget(null);
      setReason('');
      reload();
    } catch (e) {
      void message.error(describeError(e, t));
    } finally {
      setSaving(false);
    }
  };

  const back = (
    <Link to="/residents">
      <ArrowLeftOutlined /> {t('resident.back')}
    </Link>
  );
  if (error !== undefined) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {back}
        <Alert type="error" showIcon title={describeError(error, t)} />
      </Space>
    );
  }
  if (!data) {
    return <Skeleton active loading={loading} />;
  }
  const { resident, family } = data;
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(locale) : '—');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {back}
      <Card
        title={
          <Flex align="center" gap={8} wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {resident.name}
            </Typography.Title>
            <StatusTag status={resident.status} />
            <FileComplaintButton residentId={resident.id} />
          </Flex>
        }
      >
        <ArchiveSummary residentId={resident.id} careLevel={resident.careLevel} />
        <Descriptions style={{ marginTop: 12 }} column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label={t('resident.gender')}>
            {t(`resident.gender.${resident.gender}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('resident.birthDate')}>
            {resident.birthDate} ({t('resident.age', { age: ageOf(resident.birthDate) })})
          </Descriptions.Item>
          <Descriptions.Item label={t('resident.orgUnit')}>{resident.orgUnitName}</Descriptions.Item>
          <Descriptions.Item label={t('resident.roomBed')}>
            {[resident.room, resident.bed].filter(Boolean).join(' / ') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('resident.idNumber')}>{resident.idNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('resident.phone')}>{resident.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('resident.admittedAt')}>{when(resident.admittedAt)}</Descriptions.Item>
          {resident.leftAt && (
            <Descriptions.Item label={t('resident.leftAt')}>{when(resident.leftAt)}</Descriptions.Item>
          )}
        </Descriptions>
        {hasRole(...SENSITIVE_READERS) && (
          <Flex align="center" gap={8} style={{ marginTop: 12 }}>
            <Switch size="small" checked={reveal} onChange={setReveal} aria-label={t('resident.reveal')} />
            <Typography.Text type="secondary">{t('resident.reveal')}</Typography.Text>
          </Flex>
        )}
      </Card>
      <ResidentTimeline residentId={resident.id} />
      <RecordsCard residentId={resident.id} />
      <Card title={t('resident.changeStatus')} size="small">
        {resident.allowedTransitions.length === 0 ? (
          <Typography.Text type="secondary">{t('resident.changeStatus.none')}</Typography.Text>
        ) : (
          <Flex gap={8} wrap>
            {resident.allowedTransitions.map((status) => (
              <Button key={status} onClick={() => setTarget(status)}>
                {t('resident.changeStatus.to', { status: t(`status.${status}`) })}
              </Button>
            ))}
          </Flex>
        )}
      </Card>
      <Card title={t('resident.familyLinks')} size="small">
        <List
          dataSource={family}
          locale={{ emptyText: t('resident.noFamily') }}
          renderItem={(link) => (
            <List.Item>
              <List.Item.Meta title={link.displayName} description={link.relationship} />
            </List.Item>
          )}
        />
      </Card>
      <Modal
        open={target !== null}
        title={target ? t('resident.changeStatus.to', { status: t(`status.${target}`) }) : ''}
        okText={t('form.save')}
        cancelText={t('form.cancel')}
        confirmLoading={saving}
        onOk={() => void changeStatus()}
        onCancel={() => setTarget(null)}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          placeholder={t('resident.changeStatus.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Space>
  );
}
