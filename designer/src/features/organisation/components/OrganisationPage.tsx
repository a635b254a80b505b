import { useCallback, useMemo, useState } from 'react';
import { Alert, Card, Col, Row, Table, Tag, Tree, Typography } from 'antd';
import { unwrap, type Schemas } from '@careloom/api-client';
import { describeError, useApi, useI18n, useLoader } from '@careloom/app-shell';
import { BedCountEditor } from './BedCountEditor.js';

type OrgUnit = Schemas['OrgUnitDto'];
type User = Schemas['UserDto'];
type Role = Schemas['RoleDto'];
interface TreeNode {
  key: string;
  title: string;
  children: TreeNode[];
}

function toTree(
  units: readonly OrgUnit[],
  kindLabel: (kind: string) => string,
  bedsLabel: (beds: number) => string,
): TreeNode[] {
  const nodes = new Map<string, TreeNode>(
    units.map((u) => [
      u.id,
      {
        key: u.id,
        title: `${u.name} · ${kindLabel(u.kind)}${u.bedCount === null ? '' : ` · ${bedsLabel(u.bedCount)}`}`,
        children: [],
      },
    ]),
  );
  const roots: TreeNode[] = [];
  for (const unit of units) {
    const node = nodes.get(unit.id);
    const parent = unit.parentId ? nodes.get(unit.parentId) : undefined;
    if (node) {
      (parent ? parent.children : roots).push(node);
    }
  }
  return roots;
}

export function OrganisationPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const load = useCallback(async () => {
    const [units, users, roles] = await Promise.all([
      api.GET('/api/org-units'),
      api.GET('/api/users'),
      api.GET('/api/roles'),
    ]);
    return { units: unwrap(units), users: unwrap(users).items, roles: unwrap(roles) };
  }, [api]);
  const { data, error, loading, reload } = useLoader(load);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = data?.units.find((u) => u.id === selectedId) ?? null;

  const tree = useMemo(
    () =>
      toTree(
        data?.units ?? [],
        (kind) => t(`org.kind.${kind}`),
        (beds) => t('org.beds.count', { beds }),
      ),
    [data, t],
  );
  const roleName = useMemo(() => {
    const names = new Map(
      (data?.roles ?? []).map((r: Role) => [r.key, locale === 'en' ? r.nameEn : r.nameZh]),
    );
    return (key: string) => names.get(key) ?? key;
  }, [data, locale]);

  if (error !== undefined) {
    return <Alert type="error" showIcon title={describeError(error, t)} />;
  }
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8}>
        <Card title={t('org.units')} size="small" loading={loading}>
          {tree.length > 0 && (
            <Tree
              treeData={tree}
              defaultExpandAll
              selectedKeys={selectedId ? [selectedId] : []}
              onSelect={(keys) => setSelectedId(keys.length > 0 ? String(keys[0]) : null)}
            />
          )}
          {selected ? (
            <BedCountEditor
              key={`${selected.id}:${selected.bedCount ?? ''}`}
              unit={selected}
              onSaved={reload}
            />
          ) : (
            tree.length > 0 && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                {t('org.beds.pick')}
              </Typography.Paragraph>
            )
          )}
        </Card>
      </Col>
      <Col xs={24} lg={16}>
        <Card title={t('org.users')} size="small">
          <Table<User>
            rowKey="id"
            size="small"
            loading={loading}
            dataSource={data?.users ?? []}
            pagination={false}
            scroll={{ x: true }}
            columns={[
              { key: 'displayName', title: t('user.displayName'), dataIndex: 'displayName' },
              {
                key: 'username',
                title: t('user.username'),
                render: (_, u) => <Typography.Text code>{u.username}</Typography.Text>,
              },
              {
                key: 'roles',
                title: t('user.roles'),
                render: (_, u) =>
                  u.roles.map((m) => (
                    <Tag key={`${m.role}:${m.orgUnitId}`}>
                      {roleName(m.role)} · {m.orgUnitName}
                    </Tag>
                  )),
              },
              {
                key: 'active',
                title: t('user.active'),
                responsive: ['sm'],
                render: (_, u) => (
                  <Tag color={u.active ? 'green' : 'default'}>
                    {t(u.active ? 'user.active.yes' : 'user.active.no')}
                  </Tag>
                ),
              },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
