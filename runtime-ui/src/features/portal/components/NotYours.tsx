import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '@careloom/app-shell';

/** What a family member sees for anything that is not there or not theirs: no hint which it is. */
export function NotYours() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      role="alert"
      data-testid="portal-not-found"
      title={t('portal.notFound.title')}
      subTitle={t('portal.notFound.body')}
      extra={
        <Link to="/portal">
          <Button type="primary" size="large">
            {t('portal.notFound.home')}
          </Button>
        </Link>
      }
    />
  );
}
