/** The home a fresh install starts with: a chain, one branch, one building, two wings, a few people. */
export const DEMO_TENANT = { name: '康宁养老集团', timeZone: 'Asia/Shanghai' };

export const DEMO_UNITS = {
  institution: '康宁养老集团',
  branch: '康宁颐养院·朝阳院区',
  building: '1号楼',
  wingA: 'A区（一层）',
  wingB: 'B区（二层）',
} as const;

export type DemoUnitKey = keyof typeof DEMO_UNITS;

export const DEMO_USERS: { username: string; displayName: string; role: string; unit: DemoUnitKey }[] = [
  { username: 'headnurse', displayName: '李护士长', role: 'head-nurse', unit: 'branch' },
  { username: 'nurse.a', displayName: '王护士（A区）', role: 'nurse', unit: 'wingA' },
  { username: 'nurse.b', displayName: '赵护士（B区）', role: 'nurse', unit: 'wingB' },
  { username: 'doctor', displayName: '陈医生', role: 'doctor', unit: 'branch' },
  { username: 'steward', displayName: '周管家', role: 'steward', unit: 'branch' },
  { username: 'logistics', displayName: '孙师傅（后勤）', role: 'logistics', unit: 'branch' },
  { username: 'frontdesk', displayName: '吴前台', role: 'front-desk', unit: 'branch' },
  { username: 'family.liu', displayName: '刘女士（家属）', role: 'family', unit: 'branch' },
  { username: 'integrator', displayName: 'HIS 集成账号', role: 'integrator', unit: 'institution' },
];

export const DEMO_RESIDENTS: {
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  unit: DemoUnitKey;
  room: string;
  bed: string;
  careLevel: string;
  admitted: boolean;
  family?: { username: string; relationship: string };
}[] = [
  {
    name: '刘桂兰',
    gender: 'female',
    birthDate: '1938-05-12',
    unit: 'wingA',
    room: '101',
    bed: '1',
    careLevel: '二级护理',
    admitted: true,
    family: { username: 'family.liu', relationship: '女儿' },
  },
  {
    name: '张建国',
    gender: 'male',
    birthDate: '1941-10-01',
    unit: 'wingA',
    room: '101',
    bed: '2',
    careLevel: '三级护理',
    admitted: true,
  },
  {
    name: '陈淑珍',
    gender: 'female',
    birthDate: '1935-02-20',
    unit: 'wingA',
    room: '102',
    bed: '1',
    careLevel: '特级护理',
    admitted: true,
  },
  {
    name: '王德福',
    gender: 'male',
    birthDate: '1944-07-08',
    unit: 'wingB',
    room: '201',
    bed: '1',
    careLevel: '一级护理',
    admitted: true,
  },
  {
    name: '赵玉梅',
    gender: 'female',
    birthDate: '1946-12-15',
    unit: 'wingB',
    room: '202',
    bed: '2',
    careLevel: '二级护理',
    admitted: false,
  },
];
