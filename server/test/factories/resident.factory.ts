import type { DataSource } from 'typeorm';

export type OrgUnitIds = {
  institution: string;
  branch: string;
  building: string;
  wingA: string;
  wingB: string;
};

/** The demo home's org unit ids, by their seeded names. */
export async function demoOrgUnits(dataSource: DataSource): Promise<OrgUnitIds> {
  const rows: { id: string; name: string }[] = await dataSource.query('SELECT id, name FROM org_unit');
  const byName = (name: string) => {
    const row = rows.find((r) => r.name === name);
    if (!row) {
      throw new Error(`no org unit ${name}`);
    }
    return row.id;
  };
  return {
    institution: byName('康宁养老集团'),
    branch: byName('康宁颐养院·朝阳院区'),
    building: byName('1号楼'),
    wingA: byName('A区（一层）'),
    wingB: byName('B区（二层）'),
  };
}

let counter = 0;

export function residentInput(
  orgUnitId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  counter += 1;
  return {
    name: `测试长者${counter}`,
    gender: counter % 2 === 0 ? 'male' : 'female',
    birthDate: '1940-01-15',
    orgUnitId,
    room: `3${String(counter).padStart(2, '0')}`,
    bed: '1',
    careLevel: '二级护理',
    ...overrides,
  };
}
