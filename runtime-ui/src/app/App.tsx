import { lazy, Suspense } from 'react';
import { App as AntApp, Skeleton } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { AppFrame, I18nProvider, SessionProvider, useI18n } from '@careloom/app-shell';
import { ResidentDetailPage } from '../features/residents/components/ResidentDetailPage.js';
import { ResidentListPage } from '../features/residents/components/ResidentListPage.js';
import { messages } from './messages.js';

// the form pages carry rjsf and the forms validator: loaded when first opened
const FillFormPage = lazy(async () => ({
  default: (await import('../features/records/components/FillFormPage.js')).FillFormPage,
}));
const RecordPage = lazy(async () => ({
  default: (await import('../features/records/components/RecordPage.js')).RecordPage,
}));

function Routed() {
  const { t } = useI18n();
  return (
    <AppFrame
      title={t('app.title')}
      nav={[{ path: '/residents', label: t('nav.residents'), icon: <TeamOutlined /> }]}
    >
      <Suspense fallback={<Skeleton active />}>
        <Routes>
          <Route path="/" element={<Navigate to="/residents" replace />} />
          <Route path="/residents" element={<ResidentListPage />} />
          <Route path="/residents/:id" element={<ResidentDetailPage />} />
          <Route path="/residents/:id/forms/:formKey/new" element={<FillFormPage />} />
          <Route path="/records/:id" element={<RecordPage />} />
          <Route path="*" element={<Navigate to="/residents" replace />} />
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
