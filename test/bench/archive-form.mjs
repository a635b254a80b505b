// The 60-field elder archive the record benchmark submits: formats, enums, a computed total,
// a conditional field, a nested contact and an array — what a real intake form carries.
const text = (title, maxLength = 200) => ({ type: 'string', title, maxLength });
const ITEMS = [
  'feeding',
  'bathing',
  'grooming',
  'dressing',
  'bowels',
  'bladder',
  'toiletUse',
  'transfers',
  'mobility',
  'stairs',
];

export function archiveSchema() {
  const properties = {
    name: text('姓名', 50),
    gender: { type: 'string', title: '性别', enum: ['male', 'female'] },
    birthDate: { type: 'string', title: '出生日期', format: 'date' },
    idNumber: { type: 'string', title: '身份证号', format: 'cn-id-number', 'x-sensitive': true },
    phone: { type: 'string', title: '手机', format: 'cn-mobile', 'x-sensitive': true },
    admissionDate: { type: 'string', title: '入住日期', format: 'date' },
    careLevel: {
      type: 'string',
      title: '护理等级',
      enum: ['self-care', 'level-1', 'level-2', 'level-3', 'special'],
    },
    hasDementia: { type: 'boolean', title: '认知障碍' },
    dementiaStage: {
      type: 'string',
      title: '认知障碍分期',
      enum: ['mild', 'moderate', 'severe'],
      'x-visible-if': { var: 'hasDementia' },
    },
    emergencyContact: {
      type: 'object',
      title: '紧急联系人',
      properties: { name: text('联系人', 50), phone: { type: 'string', format: 'cn-mobile' } },
    },
    allergies: { type: 'array', title: '过敏', items: text('过敏源', 50), maxItems: 20 },
  };
  for (const item of ITEMS) {
    properties[item] = { type: 'integer', title: item, enum: [0, 5, 10, 15] };
  }
  properties.adlTotal = {
    type: 'integer',
    title: 'ADL 总分',
    readOnly: true,
    // Lists filter and sort by it (the benchmark's "adlTotal >= 95, sorted by it"): the server keeps an index on it.
    'x-indexed': true,
    'x-compute': { '+': ITEMS.map((item) => ({ var: item })) },
  };
  for (let i = 1; i <= 23; i += 1) {
    properties[`note${i}`] = text(`备注${i}`);
  }
  for (let i = 1; i <= 10; i += 1) {
    properties[`measure${i}`] = { type: 'number', title: `指标${i}`, minimum: 0, maximum: 1000 };
  }
  for (let i = 1; i <= 5; i += 1) {
    properties[`flag${i}`] = { type: 'boolean', title: `标记${i}` };
  }
  return {
    type: 'object',
    required: ['name', 'gender', 'birthDate', 'idNumber', 'admissionDate', 'careLevel', ...ITEMS],
    properties,
  };
}

export function archiveData(i) {
  const data = {
    name: `长者${i}`,
    gender: i % 2 === 0 ? 'male' : 'female',
    birthDate: '1941-03-08',
    idNumber: '11010519491231002X',
    phone: '13812345678',
    admissionDate: '2026-11-01',
    careLevel: 'level-2',
    hasDementia: i % 3 === 0,
    emergencyContact: { name: '家属', phone: '13912345678' },
    allergies: ['青霉素'],
    adlTotal: 100,
  };
  if (data.hasDementia) {
    data.dementiaStage = 'mild';
  }
  for (const item of ITEMS) {
    data[item] = [0, 5, 10][i % 3];
  }
  for (let n = 1; n <= 23; n += 1) {
    data[`note${n}`] = `第${n}项情况说明：精神状态良好，饮食正常。`;
  }
  for (let n = 1; n <= 10; n += 1) {
    data[`measure${n}`] = (i * n) % 1000;
  }
  for (let n = 1; n <= 5; n += 1) {
    data[`flag${n}`] = (i + n) % 2 === 0;
  }
  return data;
}

export const FIELD_COUNT = Object.keys(archiveSchema().properties).length;
