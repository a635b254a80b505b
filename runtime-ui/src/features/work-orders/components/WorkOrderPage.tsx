import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Flex,
  Input,
  List,
  Radio,
  Rate,
  Skeleton,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { unwrap } from '@careloom/api-client';
import { describeError, useApi, useI18n, useSession } from '@careloom/app-shell';
import { useLatestFormVersion } from '../../records/hooks/useRecords.js';
import { useWorkOrder, type WorkOrderDetail } from '../hooks/useWorkOrders.js';
import { labelOr } from '../utils/work-order-view.util.js';
import { SlaChip } from './SlaChip.js';
import { isFamilyOnly } from '../../portal/utils/portal-access.util.js';

type Entry = WorkOrderDetail['history'][number];

type FieldSchema = {
  title?: string;
  'x-labels'?: Record<string, string>;
  oneOf?: { const?: unknown; title?: string; 'x-labels'?: Record<string, string> }[];
};

/** The intake form's field and option labels in the reader's language (x-labels, else the title). */
function useIntakeLabels() {
  const { locale } = useI18n();
  const form = useLatestFormVersion('complaint-intake');
  const schema = form.data?.schema as { properties?: Record<string, FieldSchema> } | undefined;
  const properties = schema?.properties ?? {};
  return {
    field: (key: string) => properties[key]?.['x-labels']?.[locale] ?? properties[key]?.title ?? key,
    value: (key: string, value: unknown) => {
      const option = properties[key]?.oneOf?.find((o) => o.const === value);
      return option ? (option['x-labels']?.[locale] ?? option.title ?? String(value)) : String(value);
    },
  };
}

function RatingForm({ id, onRated }: { id: string; onRated: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [score, setScore] = useState(0);
  const [nps, setNps] = useState<number | undefined>(undefined);
  const [comment, setComment] = useState('');
  const [reopen, setReopen] = useState(false);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    if (score < 1) {
      void message.warning(t('wo.rate.needScore'));
      return;
    }
    // the callback form the rating completes asks both questions
    if (nps === undefined) {
      void message.warning(t('wo.rate.needNps'));
      return;
    }
    setSaving(true);
    try {
      unwrap(
        await api.POST('/api/work-orders/{id}/rating', {
          params: { path: { id } },
          body: {
            satisfactionScore: score,
            npsScore: nps,
            ...(comment.trim() ? { comment: comment.trim() } : {}),
            reopenRequested: reopen,
          },
        }),
      );
      void message.success(t('wo.rate.done'));
      onRated();
    } catch (e) {
      void message.error(describeError(e, t));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card size="small" title={t('wo.rate.title')}>
      <Flex vertical gap={12}>
        <Typography.Text id="wo-rate-satisfaction">{t('wo.rate.satisfaction')}</Typography.Text>
        <Rate
          value={score}
          onChange={setScore}
          aria-labelledby="wo-rate-satisfaction"
          style={{ fontSize: 32 }}
        />
        <Typography.Text id="wo-rate-nps">{t('wo.rate.nps')}</Typography.Text>
        <Radio.Group
          aria-labelledby="wo-rate-nps"
          optionType="button"
          value={nps}
          onChange={(e) => setNps(e.target.value as number)}
          style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}
          options={Array.from({ length: 11 }, (_, n) => ({ value: n, label: String(n) }))}
        />
        <Input.TextArea
          rows={3}
          maxLength={1000}
          aria-label={t('wo.rate.comment')}
          placeholder={t('wo.rate.comment')}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
        <Checkbox checked={reopen} onChange={(e) => setReopen(e.target.checked)}>
          {t('wo.rate.reopen')}
        </Checkbox>
        <Button type="primary" size="large" block loading={saving} onClick={() => void submit()}>
          {t('wo.rate.submit')}
        </Button>
      </Flex>
    </Card>
  );
}

/** `/work-orders/:id`: intake, SLA clocks, the current step, the history, callback answers; rating for family. */
export function WorkOrderPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { user } = useSession();
  const order = useWorkOrder(id);
  const label = useIntakeLabels();
  // a family member's pages; someone who is also staff works as staff
  const family = isFamilyOnly(user?.roles ?? []);
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(locale) : '—');
  const step = (elementId: string) => labelOr(t, `wo.step.${elementId}`, elementId);

  const back = (
    <Link to="/work-orders">
      <ArrowLeftOutlined /> {t('wo.back')}
    </Link>
  );
  if (order.error !== undefined) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {back}
        <Alert type="error" showIcon title={describeError(order.error, t)} />
      </Space>
    );
  }
  if (order.data === undefined) {
    return <Skeleton active loading={order.loading} />;
  }
  const o = order.data;
  const actor = (entry: Entry) =>
    entry.byYou ? t('wo.history.byYou') : (entry.actorName ?? t('wo.history.byHome'));
  const entryText = (entry: Entry) =>
    entry.kind === 'step-opened' || entry.kind === 'step-done'
      ? t(`wo.history.${entry.kind}`, { step: step(entry.elementId) })
      : entry.kind === 'approval'
        ? t('wo.history.approval', { step: step(entry.elementId), event: entry.event })
        : t(`wo.history.${entry.kind}`);
  const filedBy = o.filedBy.you ? t('wo.filedBy.you') : (o.filedBy.name ?? t('wo.filedBy.home'));
  const room = [o.resident.room, o.resident.bed].filter(Boolean).join('-');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {back}
      <Card
        size="small"
        title={
          <Flex align="center" gap={8} wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {o.businessKey}
            </Typography.Title>
            <Tag>{t(`wo.status.${o.status}`)}</Tag>
          </Flex>
        }
      >
        {family && (
          <Alert
            type={o.status === 'awaiting-callback' ? 'info' : 'success'}
            showIcon
            title={t(`wo.family.status.${o.status}`)}
            style={{ marginBottom: 12 }}
          />
        )}
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label={t('wo.resident')}>
            {o.resident.name}
            {room ? ` · ${room}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('wo.filter.type')}>
            {labelOr(t, `wo.type.${o.complaintType}`, o.complaintType)} ·{' '}
            {labelOr(t, `wo.urgency.${o.urgency}`, o.urgency)}
          </Descriptions.Item>
          <Descriptions.Item label={t('wo.filedAt')}>{when(o.filedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('wo.filedBy')}>{filedBy}</Descriptions.Item>
          <Descriptions.Item label={t('wo.filter.role')}>
            {o.handlerRoles.map((role) => labelOr(t, `wo.role.${role}`, role)).join('、') || '—'}
          </Descriptions.Item>
        </Descriptions>
        <Flex gap={4} wrap style={{ marginTop: 8 }}>
          <SlaChip label={t('wo.sla.firstResponse')} clock={o.sla.firstResponse} />
          <SlaChip label={t('wo.sla.resolution')} clock={o.sla.resolution} />
        </Flex>
      </Card>

      {o.canRate && <RatingForm id={o.id} onRated={order.reload} />}

      <Card size="small" title={t('wo.steps')}>
        {o.steps.length === 0 ? (
          <Typography.Text type="secondary">
            {o.callbackAt ? t('wo.steps.waitingCallback', { at: when(o.callbackAt) }) : t('wo.steps.none')}
          </Typography.Text>
        ) : (
          <List
            dataSource={o.steps}
            rowKey="taskId"
            renderItem={(s) => (
              <List.Item
                actions={
                  s.link
                    ? [
                        <Link key="open" to={s.link}>
                          {t('wo.steps.openTask')}
                        </Link>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={s.name}
                  description={[
                    s.assignee ?? s.candidateGroups.map((r) => labelOr(t, `wo.role.${r}`, r)).join('、'),
                    s.dueAt ? t('wo.sla.due', { at: when(s.dueAt) }) : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                />
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card size="small" title={t('wo.intake')}>
        <Descriptions size="small" column={1}>
          {Object.entries(o.intake).map(([key, value]) => (
            <Descriptions.Item key={key} label={label.field(key)}>
              {label.value(key, value)}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>

      {o.resolution && (
        <Card size="small" title={t('wo.resolution')}>
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            {o.resolution.actionsTaken ?? '—'}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{when(o.resolution.at)}</Typography.Text>
        </Card>
      )}

      {o.callbacks.length > 0 && (
        <Card size="small" title={t('wo.callbacks')}>
          <List
            dataSource={o.callbacks}
            renderItem={(c) => (
              <List.Item>
                <Flex vertical gap={4}>
                  <Flex gap={4} wrap>
                    {c.satisfactionScore !== null && (
                      <Tag>{t('wo.callback.score', { score: c.satisfactionScore })}</Tag>
                    )}
                    {c.npsScore !== null && <Tag>{t('wo.callback.nps', { score: c.npsScore })}</Tag>}
                    {c.reopenRequested && <Tag color="orange">{t('wo.callback.reopen')}</Tag>}
                  </Flex>
                  {c.comments && <Typography.Text>{c.comments}</Typography.Text>}
                  <Typography.Text type="secondary">{when(c.at)}</Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      )}

      <Card size="small" title={t('wo.history')}>
        <Timeline
          items={o.history.map((entry, index) => ({
            key: `${entry.at}-${index}`,
            color: entry.kind === 'escalated' ? 'red' : entry.kind === 'closed' ? 'green' : 'blue',
            children: (
              <Flex vertical>
                <Typography.Text>{entryText(entry)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {when(entry.at)}
                  {entry.kind === 'step-done' || entry.kind === 'approval' ? ` · ${actor(entry)}` : ''}
                  {entry.reason ? ` · ${entry.reason}` : ''}
                </Typography.Text>
              </Flex>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}
