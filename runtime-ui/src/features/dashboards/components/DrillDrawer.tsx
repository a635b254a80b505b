import { useCallback, useState } from 'react';
import { Alert, Drawer, List, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { DrillResult, ReportFilters } from '@careloom/contracts';
import { describeError, useApi, useI18n, useLoader } from '@careloom/app-shell';
import { fetchDrill } from '../hooks/useDashboards.js';
import type { Group } from '../utils/segment.util.js';

const PAGE_SIZE = 20;

export interface DrillTarget {
  report: string;
  /** The report's title and the clicked segment in words, e.g. "2026-11 · 餐饮". */
  title: string;
  segment: string;
  group: Group;
}

/** Only paths inside the runtime UI are followed (the server builds them; never an outside address). */
const inAppPath = (href: string) => href.startsWith('/') && !href.startsWith('//');

/** The records, tasks or residents behind one chart segment, a page at a time, each opening its own page. */
export function DrillDrawer({
  target,
  filters,
  onClose,
}: {
  target: DrillTarget | null;
  filters: ReportFilters;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const api = useApi();
  const [page, setPage] = useState({ target, number: 1 });
  // a new segment starts at its first page
  const current = page.target === target ? page.number : 1;
  const load = useCallback(
    async (): Promise<DrillResult | null> =>
      target
        ? fetchDrill(api, target.report, filters, target.group, {
            limit: PAGE_SIZE,
            offset: (current - 1) * PAGE_SIZE,
          })
        : null,
    // `locale` goes out with the request (Accept-Language): the server names the rows' values in it
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, target, filters, current, locale],
  );
  const { data, error, loading } = useLoader(load);

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      title={
        <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
          {target ? `${target.title} · ${target.segment}` : t('dash.drill.title')}
        </Typography.Text>
      }
      placement="right"
      size={Math.min(440, window.innerWidth)}
      data-testid="drill-drawer"
    >
      {error !== undefined && <Alert type="error" showIcon title={describeError(error, t)} />}
      <List<DrillResult['items'][number]>
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('dash.drill.empty') }}
        pagination={
          data && data.total > PAGE_SIZE
            ? {
                current,
                pageSize: PAGE_SIZE,
                total: data.total,
                simple: true,
                onChange: (number) => setPage({ target, number }),
              }
            : false
        }
        header={
          data ? (
            <Typography.Text type="secondary" data-testid="drill-total">
              {t('dash.drill.total', { total: data.total })}
            </Typography.Text>
          ) : null
        }
        renderItem={(item) => {
          const name = item.residentName ?? t('dash.drill.noResident');
          const at = new Date(item.at);
          const when = Number.isNaN(at.getTime())
            ? ''
            : at.toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' });
          const body = (
            <List.Item.Meta
              title={
                <span>
                  {data && <Tag>{t(`dash.drill.source.${data.source}`)}</Tag>}
                  {name}
                </span>
              }
              description={
                <>
                  <Typography.Paragraph style={{ margin: 0, overflowWrap: 'anywhere' }}>
                    {item.summary}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {when}
                  </Typography.Text>
                </>
              }
            />
          );
          return (
            <List.Item data-testid={`drill-item-${item.id}`} style={{ paddingInline: 4 }}>
              {inAppPath(item.href) ? (
                <Link to={item.href} style={{ display: 'block', width: '100%' }}>
                  {body}
                </Link>
              ) : (
                body
              )}
            </List.Item>
          );
        }}
      />
    </Drawer>
  );
}
