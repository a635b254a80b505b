import { Alert, Card, Empty, List, Typography } from 'antd';
import { DashboardOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { describeError, useI18n } from '@careloom/app-shell';
import { useDashboardList } from '../hooks/useDashboards.js';
import { localized } from '../utils/report-format.util.js';

/** The dashboards the user may open, newest version of each. */
export function DashboardListPage() {
  const { t, locale } = useI18n();
  const { data, error, loading } = useDashboardList();

  return (
    <section data-testid="dashboard-list">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('dash.list.title')}
      </Typography.Title>
      {error !== undefined && <Alert type="error" showIcon title={describeError(error, t)} />}
      <List
        loading={loading}
        dataSource={data ?? []}
        grid={{ gutter: 12, xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 4 }}
        locale={{ emptyText: <Empty description={t('dash.list.empty')} /> }}
        renderItem={(dashboard) => (
          <List.Item>
            <Link
              to={`/dashboards/${encodeURIComponent(dashboard.key)}`}
              data-testid={`dashboard-${dashboard.key}`}
            >
              <Card size="small" hoverable>
                <Card.Meta
                  avatar={<DashboardOutlined style={{ fontSize: 24, color: '#1677ff' }} aria-hidden />}
                  title={localized(dashboard.title, locale)}
                  description={
                    <>
                      {dashboard.description && (
                        <Typography.Paragraph
                          type="secondary"
                          ellipsis={{ rows: 2 }}
                          style={{ marginBottom: 4 }}
                        >
                          {localized(dashboard.description, locale)}
                        </Typography.Paragraph>
                      )}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('dash.list.version', { version: dashboard.version })}
                      </Typography.Text>
                    </>
                  }
                />
              </Card>
            </Link>
          </List.Item>
        )}
      />
    </section>
  );
}
