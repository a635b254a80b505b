import { lazy, Suspense } from 'react';
import { App as AntApp, Spin } from 'antd';
import {
  ApartmentOutlined,
  BranchesOutlined,
  FormOutlined,
  BarChartOutlined,
  ThunderboltOutlined,
  SafetyCertificateOutlined,
  AppstoreAddOutlined,
} from '@ant-design/icons';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { AppFrame, I18nProvider, SessionProvider, useI18n } from '@careloom/app-shell';
import { FormEditorPage } from '../features/forms/components/FormEditorPage.js';
import { FormListPage } from '../features/forms/components/FormListPage.js';
import { AuditLogPage } from '../features/audit/components/AuditLogPage.js';
import { OrganisationPage } from '../features/organisation/components/OrganisationPage.js';
import { ProcessListPage } from '../features/processes/components/ProcessListPage.js';
import { RuleEditorPage } from '../features/rules/components/RuleEditorPage.js';
import { RuleListPage } from '../features/rules/components/RuleListPage.js';
import { TemplatesPage } from '../features/templates/components/TemplatesPage.js';
import { DashboardEditorPage } from '../features/reports/components/DashboardEditorPage.js';
import { ReportEditorPage } from '../features/reports/components/ReportEditorPage.js';
import { ReportListPage } from '../features/reports/components/ReportListPage.js';
import { messages } from './messages.js';

/** bpmn-js is large: the process editor is its own chunk, loaded when the route is opened. */
const ProcessEditorPage = lazy(async () => {
  const module = await import('../features/processes/components/ProcessEditorPage.js');
  return { default: module.ProcessEditorPage };
});

function Routed() {
  const { t } = useI18n();
  return (
    <AppFrame
      title={t('app.title')}
      roles={['admin']}
      nav={[
        { path: '/forms', label: t('nav.forms'), icon: <FormOutlined /> },
        { path: '/processes', label: t('nav.processes'), icon: <BranchesOutlined /> },
        { path: '/rules', label: t('nav.rules'), icon: <ThunderboltOutlined /> },
        { path: '/reports', label: t('nav.reports'), icon: <BarChartOutlined /> },
        { path: '/templates', label: t('nav.templates'), icon: <AppstoreAddOutlined /> },
        { path: '/organisation', label: t('nav.organisation'), icon: <ApartmentOutlined /> },
        { path: '/audit', label: t('nav.audit'), icon: <SafetyCertificateOutlined /> },
      ]}
    >
      <Routes>
        <Route path="/forms" element={<FormListPage />} />
        <Route path="/forms/:id" element={<FormEditorPage />} />
        <Route path="/processes" element={<ProcessListPage />} />
        <Route
          path="/processes/new"
          element={
            <Suspense fallback={<Spin />}>
              <ProcessEditorPage />
            </Suspense>
          }
        />
        <Route
          path="/processes/:key"
          element={
            <Suspense fallback={<Spin />}>
              <ProcessEditorPage />
            </Suspense>
          }
        />
        <Route path="/rules" element={<RuleListPage />} />
        <Route path="/rules/:key" element={<RuleEditorPage />} />
        <Route path="/reports" element={<ReportListPage />} />
        <Route path="/reports/dashboards/:key" element={<DashboardEditorPage />} />
        <Route path="/reports/:key" element={<ReportEditorPage />} />
        <Route path="/templates" element={<TemplatesPage />} />
        <Route path="/organisation" element={<OrganisationPage />} />
        <Route path="/audit" element={<AuditLogPage />} />
        <Route path="*" element={<Navigate to="/forms" replace />} />
      </Routes>
    </AppFrame>
  );
}

export function App() {
  return (
    <BrowserRouter basename="/designer">
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
