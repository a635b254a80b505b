import { App as AntApp } from 'antd';
import { ApartmentOutlined, FormOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { AppFrame, I18nProvider, SessionProvider, useI18n } from '@careloom/app-shell';
import { FormEditorPage } from '../features/forms/components/FormEditorPage.js';
import { FormListPage } from '../features/forms/components/FormListPage.js';
import { AuditLogPage } from '../features/audit/components/AuditLogPage.js';
import { OrganisationPage } from '../features/organisation/components/OrganisationPage.js';
import { messages } from './messages.js';

function Routed() {
  const { t } = useI18n();
  return (
    <AppFrame
      title={t('app.title')}
      roles={['admin']}
      nav={[
        { path: '/forms', label: t('nav.forms'), icon: <FormOutlined /> },
        { path: '/organisation', label: t('nav.organisation'), icon: <ApartmentOutlined /> },
        { path: '/audit', label: t('nav.audit'), icon: <SafetyCertificateOutlined /> },
      ]}
    >
      <Routes>
        <Route path="/forms" element={<FormListPage />} />
        <Route path="/forms/:id" element={<FormEditorPage />} />
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
