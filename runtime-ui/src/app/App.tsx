import { lazy, Suspense } from 'react';
import { App as AntApp, Skeleton } from 'antd';
import {
  BellOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  FileTextOutlined,
  HeartOutlined,
  MessageOutlined,
  NotificationOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { BrowserRouter, Navigate, Route, Routes, useParams } from 'react-router-dom';
import { AppFrame, I18nProvider, SessionProvider, useI18n, useSession } from '@careloom/app-shell';
import { mayReadDashboards } from '../features/dashboards/dashboard-access.util.js';
import { NotificationBell } from '../features/notifications/components/NotificationBell.js';
import { PortalHomePage } from '../features/portal/components/PortalHomePage.js';
import { isFamilyOnly, mayManageNotices } from '../features/portal/utils/portal-access.util.js';
import { ResidentDetailPage } from '../features/residents/components/ResidentDetailPage.js';
import { ResidentListPage } from '../features/residents/components/ResidentListPage.js';
import { TaskInboxPage } from '../features/tasks/components/TaskInboxPage.js';
import { messages } from './messages.js';

/** Where `/` lands: a nurse's shift starts at her task inbox; a family member's visit at the portal. */
const HOME = '/tasks';
const FAMILY_HOME = '/portal';

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
// the family portal's pages beyond its home
const ResidentFeedPage = lazy(async () => ({
  default: (await import('../features/portal/components/ResidentFeedPage.js')).ResidentFeedPage,
}));
const PortalNoticesPage = lazy(async () => ({
  default: (await import('../features/portal/components/PortalNoticesPage.js')).PortalNoticesPage,
}));
const PortalRecordPage = lazy(async () => ({
  default: (await import('../features/portal/components/PortalRecordPage.js')).PortalRecordPage,
}));
// work orders: the list and detail are light, filing carries rjsf
const WorkOrderListPage = lazy(async () => ({
  default: (await import('../features/work-orders/components/WorkOrderListPage.js')).WorkOrderListPage,
}));
const WorkOrderPage = lazy(async () => ({
  default: (await import('../features/work-orders/components/WorkOrderPage.js')).WorkOrderPage,
}));
const NewWorkOrderPage = lazy(async () => ({
  default: (await import('../features/work-orders/components/NewWorkOrderPage.js')).NewWorkOrderPage,
}));
const ManageNoticesPage = lazy(async () => ({
  default: (await import('../features/portal/components/ManageNoticesPage.js')).ManageNoticesPage,
}));

/** A family member who opens a resident's staff page gets that resident's portal feed (or "not found"). */
function FamilyResidentRedirect() {
  const { id = '' } = useParams();
  return <Navigate to={`/portal/residents/${id}`} replace />;
}

function Routed() {
  const { t } = useI18n();
  const { user } = useSession();
  // a family member's app is the portal: their relative's updates, their requests, the notices
  const family = isFamilyOnly(user?.roles ?? []);
  const home = family ? FAMILY_HOME : HOME;
  return (
    <AppFrame
      title={t('app.title')}
      nav={
        family
          ? [
              { path: '/portal', label: t('nav.portal'), icon: <HeartOutlined /> },
              { path: '/work-orders', label: t('nav.myRequests'), icon: <MessageOutlined /> },
              { path: '/portal/notices', label: t('nav.portalNotices'), icon: <BellOutlined /> },
            ]
          : [
              { path: '/tasks', label: t('nav.tasks'), icon: <CheckSquareOutlined /> },
              { path: '/residents', label: t('nav.residents'), icon: <TeamOutlined /> },
              { path: '/work-orders', label: t('nav.workOrders'), icon: <FileTextOutlined /> },
              ...(mayReadDashboards(user?.roles ?? [])
                ? [{ path: '/dashboards', label: t('nav.dashboards'), icon: <DashboardOutlined /> }]
                : []),
              ...(mayManageNotices(user?.roles ?? [])
                ? [{ path: '/notices', label: t('nav.notices'), icon: <NotificationOutlined /> }]
                : []),
            ]
      }
      actions={<NotificationBell />}
    >
      <Suspense fallback={<Skeleton active />}>
        <Routes>
          <Route path="/" element={<Navigate to={home} replace />} />
          <Route path="/portal" element={<PortalHomePage />} />
          <Route path="/portal/residents/:id" element={<ResidentFeedPage />} />
          <Route path="/portal/notices" element={<PortalNoticesPage />} />
          <Route path="/notices" element={<ManageNoticesPage />} />
          <Route path="/tasks" element={<TaskInboxPage />} />
          <Route path="/tasks/:id" element={<TaskPage />} />
          <Route path="/residents" element={<ResidentListPage />} />
          <Route
            path="/residents/:id"
            element={family ? <FamilyResidentRedirect /> : <ResidentDetailPage />}
          />
          <Route path="/residents/:id/forms/:formKey/new" element={<FillFormPage />} />
          <Route path="/records/:id" element={family ? <PortalRecordPage /> : <RecordPage />} />
          <Route path="/work-orders" element={<WorkOrderListPage />} />
          <Route path="/work-orders/new" element={<NewWorkOrderPage />} />
          <Route path="/work-orders/:id" element={<WorkOrderPage />} />
          <Route path="/dashboards" element={<DashboardListPage />} />
          <Route path="/dashboards/:key" element={<DashboardPage />} />
          <Route path="*" element={<Navigate to={home} replace />} />
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
