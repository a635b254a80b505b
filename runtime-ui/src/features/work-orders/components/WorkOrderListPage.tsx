import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Empty,
  Flex,
  List,
  Select,
  Skeleton,
  Space,
  Switch,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { describeError, useI18n, useSession } from '@careloom/app-shell';
import { useWorkOrders, type WorkOrder } from '../hooks/useWorkOrders.js';
import {
  COMPLAINT_TYPES,
  HANDLER_ROLES,
  labelOr,
  STATUS_TABS,
  type StatusTab,
} from '../utils/work-order-view.util.js';
import { mainClock, SlaChip } from './SlaChip.js';
import { isFamilyOnly } from '../../portal/utils/portal-access.util.js';

const PAGE = 20;
const STATUS_COLORS: Record<string, string> = {
  open: 'processing',
  'awaiting-callback': 'gold',
  closed: 'default',
  cancelled: 'default',
};

function WorkOrderCard({ order }: { order: WorkOrder }) {
  const { t, locale } = useI18n();
  const { key, clock } = mainClock(order);
  const room = [order.resident.room, order.resident.bed].filter(Boolean).join('-');
  return (
    <Card size="small" style={{ width: '100%' }}>
      <Flex vertical gap={6}>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Link to={`/work-orders/${order.id}`} aria-label={`${order.businessKey} ${order.resident.name}`}>
            <Typography.Text strong>{order.businessKey}</Typography.Text>
          </Link>
          <Tag color={STATUS_COLORS[order.status]}>{t(`wo.status.${order.status}`)}</Tag>
        </Flex>
        <Typography.Text>
          {order.resident.name}
          {room ? ` · ${room}` : ''}
        </Typography.Text>
        <Flex gap={4} wrap>
          <Tag>{labelOr(t, `wo.type.${order.complaintType}`, order.complaintType)}</Tag>
          <Tag color={order.urgency === 'urgent' ? 'red' : undefined}>
            {labelOr(t, `wo.urgency.${order.urgency}`, order.urgency)}
          </Tag>
          {order.handlerRoles.map((role) => (
            <Tag key={role}>{labelOr(t, `wo.role.${role}`, role)}</Tag>
          ))}
        </Flex>
        <Flex gap={4} wrap>
          <SlaChip label={t(`wo.sla.${key}`)} clock={clock} />
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('wo.filedAt')} {new Date(order.filedAt).toLocaleString(locale)}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

/** `/work-orders`: the list with status tabs and filters; phone-first cards with their SLA clock. */
export function WorkOrderListPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  // a family member's pages; someone who is also staff works as staff
  const family = isFamilyOnly(user?.roles ?? []);
  const [tab, setTab] = useState<StatusTab>(family ? 'all' : 'open');
  const [type, setType] = useState<string | undefined>(undefined);
  const [role, setRole] = useState<string | undefined>(undefined);
  const [overdue, setOverdue] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const page = useWorkOrders({ tab, type, role, overdue, limit });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('wo.list.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/work-orders/new')}>
          {t('wo.list.new')}
        </Button>
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          setTab(key as StatusTab);
          setLimit(PAGE);
        }}
        items={STATUS_TABS.map((key) => ({ key, label: t(`wo.tab.${key}`) }))}
      />
      {!family && (
        <Flex gap={8} wrap align="center">
          <Select
            allowClear
            aria-label={t('wo.filter.type')}
            placeholder={t('wo.filter.type')}
            style={{ minWidth: 140, flex: '1 1 140px' }}
            value={type}
            onChange={(value: string | undefined) => setType(value)}
            options={COMPLAINT_TYPES.map((value) => ({ value, label: t(`wo.type.${value}`) }))}
          />
          <Select
            allowClear
            aria-label={t('wo.filter.role')}
            placeholder={t('wo.filter.role')}
            style={{ minWidth: 140, flex: '1 1 140px' }}
            value={role}
            onChange={(value: string | undefined) => setRole(value)}
            options={HANDLER_ROLES.map((value) => ({ value, label: t(`wo.role.${value}`) }))}
          />
          <Flex align="center" gap={6}>
            <Switch checked={overdue} onChange={setOverdue} aria-label={t('wo.filter.overdue')} />
            <Typography.Text>{t('wo.filter.overdue')}</Typography.Text>
          </Flex>
        </Flex>
      )}
      {page.error !== undefined && <Alert type="error" showIcon title={describeError(page.error, t)} />}
      {page.data === undefined ? (
        <Skeleton active loading={page.loading} />
      ) : page.data.items.length === 0 ? (
        <Empty description={t('wo.list.empty')} />
      ) : (
        <List
          dataSource={page.data.items}
          rowKey="id"
          split={false}
          renderItem={(order) => (
            <List.Item style={{ padding: '4px 0' }}>
              <WorkOrderCard order={order} />
            </List.Item>
          )}
        />
      )}
      {page.data?.hasMore && (
        <Button block loading={page.loading} onClick={() => setLimit((n) => Math.min(n + PAGE, 100))}>
          {t('wo.list.more')}
        </Button>
      )}
    </Space>
  );
}
