import { Alert, Flex, Tag, Typography } from 'antd';
import { useI18n } from '@careloom/app-shell';
import { importCounts } from '../utils/bundle-upload.util.js';
import { CONTENT_KINDS, type ImportReport } from '../hooks/useTemplates.js';

const ACTION_COLOR: Record<string, string> = { created: 'green', updated: 'blue', unchanged: 'default' };

/** The summary of an import: version change, counts, and each item with what happened to it. */
export function ImportResultView({ report, title }: { report: ImportReport; title: string }) {
  const { t } = useI18n();
  const counts = importCounts(report);
  return (
    <Alert
      type="success"
      showIcon
      data-testid={`import-result-${report.key}`}
      role="status"
      title={t('tpl.result.title', { title, version: report.version })}
      description={
        <Flex vertical gap={4}>
          {report.previousVersion !== null && report.previousVersion !== report.version && (
            <Typography.Text>
              {t('tpl.result.upgraded', { from: report.previousVersion, version: report.version })}
            </Typography.Text>
          )}
          <Typography.Text strong data-testid="import-counts">
            {t('tpl.result.counts', counts)}
          </Typography.Text>
          {CONTENT_KINDS.filter((kind) => report[kind].length > 0).map((kind) => (
            <Flex key={kind} gap={4} wrap align="baseline">
              <Typography.Text type="secondary">{t(`tpl.kind.${kind}`)}</Typography.Text>
              {report[kind].map((item) => (
                <Tag key={item.key} color={ACTION_COLOR[item.action]}>
                  {item.key} · {t(`tpl.result.${item.action}`)} ·{' '}
                  {t('tpl.result.itemVersion', { version: item.version })}
                </Tag>
              ))}
            </Flex>
          ))}
        </Flex>
      }
    />
  );
}
