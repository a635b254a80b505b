import type { Schemas } from '@careloom/api-client';

type OrgUnit = Schemas['OrgUnitDto'];

/** Select options labelled with the whole path ("康宁一院 / 1号楼 / A区"), in tree order. */
export function orgUnitOptions(units: readonly OrgUnit[]): { value: string; label: string }[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const labelOf = (unit: OrgUnit): string => {
    const names: string[] = [];
    let current: OrgUnit | undefined = unit;
    for (let guard = 0; current && guard < 16; guard += 1) {
      names.unshift(current.name);
      current = current.parentId ? byId.get(current.parentId) : undefined;
    }
    return names.join(' / ');
  };
  return units
    .map((u) => ({ value: u.id, label: labelOf(u) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
