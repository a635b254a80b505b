import { Component, useState, type ReactNode } from 'react';
import { Alert, Button, Flex, Segmented, Typography } from 'antd';
import { DesktopOutlined, MobileOutlined, ReloadOutlined } from '@ant-design/icons';
import type { UiSchema } from '@rjsf/utils';
import { useI18n } from '@careloom/app-shell';
import { CareForm, type FormData } from '@careloom/form-kit';
import type { FormDocument } from '../utils/form-schema.types.js';

class PreviewBoundary extends Component<
  { children: ReactNode; fallback: (error: unknown) => ReactNode },
  { error: unknown }
> {
  override state: { error: unknown } = { error: undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    return this.state.error === undefined ? this.props.children : this.props.fallback(this.state.error);
  }
}

/** The form exactly as staff see it (form-kit's CareForm), in a 390-px phone frame or full width, with sample data. */
export function FormPreview({ doc, title }: { doc: FormDocument; title: string }) {
  const { t, locale } = useI18n();
  const [device, setDevice] = useState<'phone' | 'desktop'>('phone');
  const [submitted, setSubmitted] = useState<FormData | null>(null);
  const revision = JSON.stringify(doc);
  // the sample data typed so far survives edits of the form: each new revision mounts CareForm with it
  const [latest, setLatest] = useState<FormData>({});
  const [mounted, setMounted] = useState({ revision, generation: 0, data: latest });
  if (mounted.revision !== revision) {
    setMounted({ revision, generation: mounted.generation, data: latest });
  }
  return (
    <Flex vertical gap={8} data-testid="preview">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Segmented<'phone' | 'desktop'>
          value={device}
          onChange={setDevice}
          options={[
            { value: 'phone', label: t('preview.phone'), icon: <MobileOutlined /> },
            { value: 'desktop', label: t('preview.desktop'), icon: <DesktopOutlined /> },
          ]}
        />
        <Button
          size="small"
          icon={<ReloadOutlined />}
          onClick={() => {
            setLatest({});
            setMounted({ revision, generation: mounted.generation + 1, data: {} });
            setSubmitted(null);
          }}
        >
          {t('preview.reset')}
        </Button>
      </Flex>
      <div
        style={{
          width: device === 'phone' ? 390 : '100%',
          maxWidth: '100%',
          margin: device === 'phone' ? '0 auto' : undefined,
          border: device === 'phone' ? '8px solid #262626' : '1px solid #f0f0f0',
          borderRadius: device === 'phone' ? 24 : 8,
          padding: 12,
          background: '#fff',
          overflowX: 'hidden',
        }}
        data-testid={`preview-${device}`}
      >
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {title}
        </Typography.Title>
        <PreviewBoundary
          key={`${mounted.revision}:${mounted.generation}`}
          fallback={(error) => (
            <Alert type="error" showIcon title={t('preview.failed')} description={String(error)} />
          )}
        >
          <CareForm
            schema={doc.schema}
            uiSchema={doc.uiSchema as UiSchema}
            formData={mounted.data}
            locale={locale}
            submitText={t('preview.check')}
            onChange={setLatest}
            onSubmit={(data) => setSubmitted(data)}
          />
        </PreviewBoundary>
      </div>
      {submitted && (
        <Alert
          type="success"
          showIcon
          title={t('preview.valid')}
          description={
            <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12 }}>
              {JSON.stringify(submitted, null, 2)}
            </pre>
          }
        />
      )}
    </Flex>
  );
}
