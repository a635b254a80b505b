import { Flex, Tag, Typography } from 'antd';
import { MedicineBoxOutlined, WarningOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useI18n } from '@careloom/app-shell';
import { useArchiveSummary } from '../hooks/useResident360.js';
import { allergiesOf } from '../utils/timeline.util.js';

/** Care level and allergies, always in view at the top of the resident page. */
export function ArchiveSummary({ residentId, careLevel }: { residentId: string; careLevel: string | null }) {
  const { t } = useI18n();
  const { data: archive, loading } = useArchiveSummary(residentId);
  const archiveLevel = archive?.data['careLevel'];
  const level = careLevel ?? (typeof archiveLevel === 'string' ? archiveLevel : null);
  const allergies = allergiesOf(archive?.data);

  return (
    <Flex vertical gap={6} data-testid="archive-summary" role="region" aria-label={t('archive.title')}>
      <Flex gap={6} wrap align="center">
        <MedicineBoxOutlined aria-hidden />
        <Typography.Text type="secondary">{t('resident.careLevel')}</Typography.Text>
        <Tag color="blue">{level ?? '—'}</Tag>
      </Flex>
      <Flex gap={6} wrap align="center">
        <WarningOutlined aria-hidden style={{ color: allergies.length > 0 ? '#cf1322' : undefined }} />
        <Typography.Text type="secondary">{t('archive.allergies')}</Typography.Text>
        {loading && archive === undefined ? (
          <Typography.Text type="secondary">…</Typography.Text>
        ) : archive === null || archive === undefined ? (
          <Typography.Text type="secondary">{t('archive.none')}</Typography.Text>
        ) : allergies.length === 0 ? (
          <Tag>{t('archive.noAllergies')}</Tag>
        ) : (
          allergies.map((allergy) => (
            <Tag key={allergy} color="red" style={{ whiteSpace: 'normal' }}>
              {allergy}
            </Tag>
          ))
        )}
        {archive && (
          <Link to={`/records/${archive.id}`} style={{ marginLeft: 'auto' }}>
            {t('archive.open')}
          </Link>
        )}
      </Flex>
    </Flex>
  );
}
