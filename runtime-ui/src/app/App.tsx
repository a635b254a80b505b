import { lazy, Suspense } from 'react';
import { App as AntApp, Skeleton } from 'antd';
import { CheckSquareOutlined, DashboardOutlined, TeamOutlined } from '@ant-design/icons';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { AppFrame, I18nProvider, SessionProvider, useI18n, useSession } from '@careloom/app-shell';
import { mayReadDashboards } from '../features/dashboards/dashboard-access.util.js';
import { NotificationBell } from '../features/notifications/components/NotificationBell.js';
import { ResidentDetailPage } from '../features/residents/components/ResidentDetailPage.js';
import { ResidentListPage } from '../features/residents/components/ResidentListPage.js';
import { TaskInboxPage } from '../features/tasks/components/TaskInboxPage.js';
import { messages } from './messages.js';

/** Where `/` lands: a nurse's shift starts at her task inbox. */
const HOME = '/tasks';

// the form pages carry rjsf and the forms validator: loaded when first opened
const FillFormPage = lazy(async () => ({
  default: (await import('../features/records/components/FillFormPage.js')).FillFormPage,
}));
const TaskPage = lazy(async () => ({
  default: (await import('../features/tasks/components/TaskPage.js')).TaskPage,
}));
// dashboards carry ECharts: loaded when first opened
const DashboardListPage = lazy(async () => ({
  default: (await import('../features/dashboards/components/DashboardListPage.js')).DashboardListPage,
}));
const DashboardPage = lazy(async () => ({
  default: (await import('../features/dashboards/components/DashboardPage.js')).DashboardPage,
}));
const RecordPage = lazy(async () => ({
  default: (await import('../features/records/components/RecordPage.js')).RecordPage,
}));

function Routed() {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <AppFrame
      title={t('app.title')}
      nav={[
        { path: '/tasks', label: t('nav.tasks'), icon: <CheckSquareOutlined /> },
        { path: '/residents', label: t('nav.residents'), icon: <TeamOutlined /> },
        ...(mayReadDashboards(user?.roles ?? [])
          ? [{ path: '/dashboards', label: t('nav.dashboards'), icon: <DashboardOutlined /> }]
          : []),
      ]}
      actions={<NotificationBell />}
    >
      <Suspense fallback={<Skeleton active />}>
        <Routes>
          <Route path="/" element={<Navigate to={HOME} replace />} />
          <Route path="/tasks" element={<TaskInboxPage />} />
          <Route path="/tasks/:id" element={<TaskPage />} />
          <Route path="/residents" element={<ResidentListPage />} />
          <Route path="/residents/:id" element={<ResidentDetailPage />} />
          <Route path="/residents/:id/forms/:formKey/new" element={<FillFormPage />} />
          <Route path="/records/:id" element={<RecordPage />} />
          <Route path="/dashboards" element={<DashboardListPage />} />
          <Route path="/dashboards/:key" element={<DashboardPage />} />
          <Route path="*" element={<Navigate to={HOME} replace />} />
        </Routes>
      </Suspense>
    </AppFrame>
  );
}

export function App() {
  return (
    <BrowserRouter basename="/app">
      <I18nProvider messages={messages}>
        <AntApp>
          <SessionProvider>
            <Routed />
          </SessionProvider>
        </AntApp>
      </I18nProvider>
    </BrowserRouter>
  );
}
