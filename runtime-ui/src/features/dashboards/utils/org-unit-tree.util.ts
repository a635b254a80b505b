import type { Schemas } from '@careloom/api-client';

type OrgUnit = Pick<Schemas['OrgUnitDto'], 'id' | 'parentId' | 'name'>;
type Membership = Pick<Schemas['MembershipDto'], 'role' | 'orgUnitId'>;

export interface OrgUnitNode {
  value: string;
  title: string;
  children: OrgUnitNode[];
}

/**
 * The org units a user may filter a dashboard by, as a tree: the whole tenant for administrators, else
 * the subtrees under the units of the user's staff memberships (the scope the server counts anyway).
 */
export function visibleOrgUnitTree(
  units: readonly OrgUnit[],
  memberships: readonly Membership[],
): OrgUnitNode[] {
  const nodes = new Map<string, OrgUnitNode>(
    units.map((u) => [u.id, { value: u.id, title: u.name, children: [] }]),
  );
  const roots: OrgUnitNode[] = [];
  for (const unit of units) {
    const node = nodes.get(unit.id)!;
    const parent = unit.parentId ? nodes.get(unit.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const byName = (a: OrgUnitNode, b: OrgUnitNode) => a.title.localeCompare(b.title, 'zh-CN');
  const sortDeep = (list: OrgUnitNode[]): OrgUnitNode[] => {
    list.sort(byName);
    list.forEach((n) => sortDeep(n.children));
    return list;
  };
  if (memberships.some((m) => m.role === 'admin')) {
    return sortDeep(roots);
  }

  // a membership's unit is a root unless one of its ancestors is already in scope
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  const scoped = new Set(memberships.filter((m) => m.role !== 'family').map((m) => m.orgUnitId));
  const coveredByAncestor = (id: string) => {
    let current = parentOf.get(id) ?? null;
    for (let guard = 0; current !== null && guard < 64; guard += 1) {
      if (scoped.has(current)) {
        return true;
      }
      current = parentOf.get(current) ?? null;
    }
    return false;
  };
  return sortDeep(
    [...scoped].filter((id) => nodes.has(id) && !coveredByAncestor(id)).map((id) => nodes.get(id)!),
  );
}
