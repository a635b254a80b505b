import { useState } from 'react';
import { Alert, Button, Card, Flex, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { ApiProblemError } from '@careloom/api-client';
import { BUNDLE_LIMITS } from '@careloom/contracts';
import { describeError, useApi, useI18n } from '@careloom/app-shell';
import {
  CONTENT_KINDS,
  importZip,
  validateZip,
  type BundleCheck,
  type ImportReport,
  type InstalledBundle,
} from '../hooks/useTemplates.js';
import { uploadRefusal, versionChange, type UploadRefusal } from '../utils/bundle-upload.util.js';
import { ImportResultView } from './ImportResultView.js';
import { ProblemList } from './ProblemList.js';

type Step =
  | { step: 'idle' }
  | { step: 'refused'; refusal: UploadRefusal }
  | { step: 'checking'; name: string }
  | { step: 'invalid'; name: string; error: unknown }
  | { step: 'checked'; name: string; check: BundleCheck; archive: ArrayBuffer }
  | { step: 'importing'; name: string; check: BundleCheck; archive: ArrayBuffer }
  | { step: 'imported'; report: ImportReport };

export interface BundleImportPanelProps {
  installed: InstalledBundle[];
  onImported: () => void;
}

const LIMIT_MB = String(BUNDLE_LIMITS.maxTotalBytes / (1024 * 1024));

/** Upload a bundle .zip: refused in the browser when it is not one, checked by the server, imported on confirm. */
export function BundleImportPanel({ installed, onImported }: BundleImportPanelProps) {
  const { t, locale } = useI18n();
  const api = useApi();
  const [state, setState] = useState<Step>({ step: 'idle' });

  const pick = async (file: File) => {
    const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
    const refusal = uploadRefusal(file.name, file.size, head);
    if (refusal) {
      setState({ step: 'refused', refusal });
      return;
    }
    setState({ step: 'checking', name: file.name });
    const archive = await file.arrayBuffer();
    try {
      const check = await validateZip(api, archive);
      setState({ step: 'checked', name: file.name, check, archive });
    } catch (error) {
      setState({ step: 'invalid', name: file.name, error });
    }
  };

  const confirm = async (name: string, check: BundleCheck, archive: ArrayBuffer) => {
    setState({ step: 'importing', name, check, archive });
    try {
      const report = await importZip(api, archive);
      setState({ step: 'imported', report });
      onImported();
    } catch (error) {
      setState({ step: 'invalid', name, error });
    }
  };

  const refusalText = (refusal: UploadRefusal): string => {
    switch (refusal.reason) {
      case 'not-zip':
        return t('tpl.upload.notZip', { name: refusal.name });
      case 'empty':
        return t('tpl.upload.empty', { name: refusal.name });
      case 'too-large':
        return t('tpl.upload.tooLarge', { name: refusal.name, size: refusal.sizeMb, limit: refusal.limitMb });
    }
  };

  const titleOf = (key: string): string => {
    const bundle = installed.find((b) => b.key === key);
    return bundle ? bundle.title[locale] || bundle.title['zh-CN'] : key;
  };

  const showDropZone = state.step === 'idle' || state.step === 'refused' || state.step === 'imported';
  return (
    <Card size="small" title={t('tpl.upload.title')} data-testid="bundle-import">
      <Flex vertical gap={12}>
        {showDropZone && (
          <Upload.Dragger
            accept=".zip,application/zip"
            multiple={false}
            showUploadList={false}
            beforeUpload={(file) => {
              void pick(file);
              return false;
            }}
            data-testid="bundle-dropzone"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('tpl.upload.drop')}</p>
            <p className="ant-upload-hint">{t('tpl.upload.hint', { limit: LIMIT_MB })}</p>
          </Upload.Dragger>
        )}
        {state.step === 'refused' && (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="upload-refused"
            title={refusalText(state.refusal)}
          />
        )}
        {state.step === 'checking' && (
          <Alert type="info" showIcon role="status" title={t('tpl.upload.checking', { name: state.name })} />
        )}
        {state.step === 'invalid' && (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="check-failed"
            title={
              state.error instanceof ApiProblemError && state.error.problem.errors?.length
                ? t('tpl.check.problems', { name: state.name, count: state.error.problem.errors.length })
                : describeError(state.error, t)
            }
            description={
              state.error instanceof ApiProblemError && state.error.problem.errors?.length ? (
                <ProblemList errors={state.error.problem.errors} />
              ) : undefined
            }
          />
        )}
        {(state.step === 'checked' || state.step === 'importing') && (
          <Alert
            type="info"
            showIcon
            data-testid="check-plan"
            title={t('tpl.check.ok', { name: state.name })}
            description={
              <Flex vertical gap={4}>
                <Typography.Text>{t('tpl.check.plan', { key: state.check.key })}</Typography.Text>
                <Typography.Text strong data-testid="version-change">
                  {(() => {
                    const change = versionChange(
                      state.check.version,
                      installed.find((b) => b.key === state.check.key)?.version,
                    );
                    return change.kind === 'new' || change.kind === 'same'
                      ? t(`tpl.change.${change.kind}`, { version: change.version })
                      : t(`tpl.change.${change.kind}`, { from: change.from, version: change.version });
                  })()}
                </Typography.Text>
                <Typography.Text>
                  {CONTENT_KINDS.filter((kind) => state.check[kind] > 0)
                    .map((kind) =>
                      t('tpl.check.contains', { count: state.check[kind], kind: t(`tpl.kind.${kind}`) }),
                    )
                    .join('，')}
                </Typography.Text>
                <Flex gap={8} wrap style={{ marginTop: 8 }}>
                  <Button
                    type="primary"
                    loading={state.step === 'importing'}
                    onClick={() => void confirm(state.name, state.check, state.archive)}
                    data-testid="confirm-import"
                  >
                    {t('tpl.check.confirm')}
                  </Button>
                  <Button disabled={state.step === 'importing'} onClick={() => setState({ step: 'idle' })}>
                    {t('tpl.check.cancel')}
                  </Button>
                </Flex>
              </Flex>
            }
          />
        )}
        {state.step === 'invalid' && (
          <div>
            <Button onClick={() => setState({ step: 'idle' })} data-testid="choose-another">
              {t('tpl.upload.another')}
            </Button>
          </div>
        )}
        {state.step === 'imported' && (
          <ImportResultView report={state.report} title={titleOf(state.report.key)} />
        )}
      </Flex>
    </Card>
  );
}
