import { Button } from 'antd';
import { FormOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '@careloom/app-shell';

/** "File a complaint" for this resident (resident 360° view, family portal). */
export function FileComplaintButton({ residentId }: { residentId: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Button
      icon={<FormOutlined />}
      onClick={() => void navigate(`/work-orders/new?residentId=${residentId}`)}
    >
      {t('wo.fileForResident')}
    </Button>
  );
}
