import type { ComponentProps } from 'react';
import { Button, Flex, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useI18n } from '@careloom/app-shell';
import { UndoRedoButtons } from '../../../shared/undo/UndoRedoButtons.js';
import type { LocalizedText } from '../utils/report.types.js';

/** The top of the report and dashboard editors: back, title, key, version, unsaved mark, undo/redo, save. */
export function EditorHeader({
  back,
  title,
  specKey,
  version,
  dirty,
  busy,
  editor,
  saveLabel,
  saveTestId,
  onSave,
}: {
  back: { to: string; label: string };
  title: LocalizedText;
  specKey: string;
  /** The stored version; undefined while the spec was never saved. */
  version: number | undefined;
  dirty: boolean;
  busy: boolean;
  editor: ComponentProps<typeof UndoRedoButtons>['editor'];
  saveLabel: string;
  saveTestId: string;
  onSave: () => void;
}) {
  const { t, locale } = useI18n();
  return (
    <Flex justify="space-between" align="center" gap={8} wrap>
      <Flex align="center" gap={8} wrap style={{ minWidth: 0 }}>
        <Link to={back.to} aria-label={back.label}>
          <ArrowLeftOutlined />
        </Link>
        <Typography.Title level={4} style={{ margin: 0, overflowWrap: 'anywhere' }}>
          {title[locale] || title['zh-CN'] || specKey}
        </Typography.Title>
        <Typography.Text code>{specKey}</Typography.Text>
        {version !== undefined ? <Tag>v{version}</Tag> : <Tag color="blue">{t('reports.newTag')}</Tag>}
        {dirty && <Tag color="orange">{t('reports.unsaved')}</Tag>}
      </Flex>
      <Space wrap size={6}>
        <UndoRedoButtons editor={editor} />
        <Button
          type="primary"
          icon={<SaveOutlined />}
          loading={busy}
          disabled={!dirty || busy}
          onClick={onSave}
          data-testid={saveTestId}
        >
          {saveLabel}
        </Button>
      </Space>
    </Flex>
  );
}
