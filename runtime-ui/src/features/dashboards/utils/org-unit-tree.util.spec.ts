import { describe, expect, it } from '@jest/globals';
import { visibleOrgUnitTree, type OrgUnitNode } from './org-unit-tree.util.js';

const UNITS = [
  { id: 'wing-b', parentId: 'building', name: 'B区' },
  { id: 'group', parentId: null, name: '集团' },
  { id: 'branch', parentId: 'group', name: '朝阳院区' },
  { id: 'building', parentId: 'branch', name: '1号楼' },
  { id: 'wing-a', parentId: 'building', name: 'A区' },
];

const shape = (nodes: OrgUnitNode[]): unknown[] =>
  nodes.map((n) => (n.children.length ? { [n.value]: shape(n.children) } : n.value));

describe(visibleOrgUnitTree.name, () => {
  it('should give an administrator the whole tree, children in name order', () => {
    expect(shape(visibleOrgUnitTree(UNITS, [{ role: 'admin', orgUnitId: 'group' }]))).toEqual([
      { group: [{ branch: [{ building: ['wing-a', 'wing-b'] }] }] },
    ]);
  });

  it('should give staff only the subtrees of their own units', () => {
    expect(shape(visibleOrgUnitTree(UNITS, [{ role: 'nurse', orgUnitId: 'wing-a' }]))).toEqual(['wing-a']);
  });

  it('should not repeat a unit that sits under another of the same user, nor count family links', () => {
    const memberships = [
      { role: 'nurse', orgUnitId: 'wing-a' },
      { role: 'head-nurse', orgUnitId: 'building' },
      { role: 'family', orgUnitId: 'branch' },
    ];
    expect(shape(visibleOrgUnitTree(UNITS, memberships))).toEqual([{ building: ['wing-a', 'wing-b'] }]);
  });

  it('should skip memberships of units that are not in the list', () => {
    expect(visibleOrgUnitTree(UNITS, [{ role: 'nurse', orgUnitId: 'gone' }])).toEqual([]);
  });
});
