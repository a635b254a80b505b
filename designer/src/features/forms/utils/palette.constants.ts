import barthel from '../blocks/barthel-adl.schema.json' with { type: 'json' };
import { morseFallFields } from '../blocks/morse-fall-scale.constants.js';
import { cloneJson } from './form-schema.util.js';
import type { BlockKind, Labels, NewField, PaletteKind, SchemaNode, UiNode } from './form-schema.types.js';

export interface PaletteEntry {
  kind: PaletteKind;
  label: Labels;
  group: 'basic' | 'choice' | 'care' | 'layout' | 'block';
}

/** The palette in display order; the label is also the new field's label. */
export const PALETTE: readonly PaletteEntry[] = [
  { kind: 'text', group: 'basic', label: { 'zh-CN': '单行文本', en: 'Text' } },
  { kind: 'textarea', group: 'basic', label: { 'zh-CN': '多行文本', en: 'Long text' } },
  { kind: 'number', group: 'basic', label: { 'zh-CN': '数字', en: 'Number' } },
  { kind: 'date', group: 'basic', label: { 'zh-CN': '日期', en: 'Date' } },
  { kind: 'time', group: 'basic', label: { 'zh-CN': '时间', en: 'Time' } },
  { kind: 'radio', group: 'choice', label: { 'zh-CN': '单选', en: 'Single choice' } },
  { kind: 'checkboxes', group: 'choice', label: { 'zh-CN': '多选', en: 'Multiple choice' } },
  { kind: 'select', group: 'choice', label: { 'zh-CN': '下拉选择', en: 'Dropdown' } },
  { kind: 'yes-no', group: 'choice', label: { 'zh-CN': '是/否', en: 'Yes/No' } },
  { kind: 'rating', group: 'choice', label: { 'zh-CN': '评分（1–5）', en: 'Rating (1–5)' } },
  { kind: 'phone', group: 'care', label: { 'zh-CN': '手机号', en: 'Mobile phone' } },
  { kind: 'id-number', group: 'care', label: { 'zh-CN': '身份证号', en: 'ID number' } },
  { kind: 'address', group: 'care', label: { 'zh-CN': '地址', en: 'Address' } },
  { kind: 'signature', group: 'care', label: { 'zh-CN': '签名', en: 'Signature' } },
  { kind: 'photo', group: 'care', label: { 'zh-CN': '照片/附件', en: 'Photo / file' } },
  { kind: 'table', group: 'layout', label: { 'zh-CN': '表格（重复组）', en: 'Table (repeating group)' } },
  { kind: 'section', group: 'layout', label: { 'zh-CN': '分组', en: 'Section' } },
  { kind: 'medications', group: 'block', label: { 'zh-CN': '用药清单', en: 'Medication list' } },
  { kind: 'vitals', group: 'block', label: { 'zh-CN': '生命体征', en: 'Vital signs' } },
  { kind: 'barthel', group: 'block', label: { 'zh-CN': 'Barthel 日常生活能力', en: 'Barthel ADL' } },
  { kind: 'morse', group: 'block', label: { 'zh-CN': 'Morse 跌倒风险', en: 'Morse fall risk' } },
];

const BLOCKS: ReadonlySet<PaletteKind> = new Set<BlockKind>(['medications', 'vitals', 'barthel', 'morse']);

/** Blocks whose fields refer to each other by key (scored scales): inserted with their own keys or not at all. */
export function hasFixedKeys(kind: PaletteKind): boolean {
  return kind === 'barthel' || kind === 'morse';
}

export function isBlock(kind: PaletteKind): boolean {
  return BLOCKS.has(kind);
}

export function paletteLabel(kind: PaletteKind): Labels {
  return PALETTE.find((entry) => entry.kind === kind)?.label ?? { 'zh-CN': kind, en: kind };
}

const labelled = (labels: Labels, node: SchemaNode): SchemaNode => ({
  type: node['type'],
  title: labels['zh-CN'],
  'x-labels': labels,
  ...node,
});

const OPTION_LABELS: Labels[] = [
  { 'zh-CN': '选项一', en: 'Option 1' },
  { 'zh-CN': '选项二', en: 'Option 2' },
];

function options(): { values: string[]; ui: UiNode } {
  const values = ['option1', 'option2'];
  return {
    values,
    ui: {
      'ui:enumNames': Object.fromEntries(
        values.map((value, i) => [value, OPTION_LABELS[i]?.['zh-CN'] ?? value]),
      ),
      'ui:options': { enumLabels: Object.fromEntries(values.map((value, i) => [value, OPTION_LABELS[i]])) },
    },
  };
}

const KEYS: Record<PaletteKind, string> = {
  text: 'text',
  textarea: 'notes',
  number: 'number',
  date: 'date',
  time: 'time',
  radio: 'choice',
  checkboxes: 'choices',
  select: 'dropdown',
  'yes-no': 'yesNo',
  rating: 'rating',
  phone: 'phone',
  'id-number': 'idNumber',
  address: 'address',
  signature: 'signature',
  photo: 'photo',
  table: 'table',
  section: 'section',
  medications: 'medications',
  vitals: 'vitals',
  barthel: 'barthel',
  morse: 'morse',
};

const number = (
  key: string,
  labels: Labels,
  type: 'number' | 'integer',
  minimum: number,
  maximum: number,
): NewField => ({
  key,
  schema: labelled(labels, { type, minimum, maximum }),
});

function vitalSigns(): NewField[] {
  return [
    number('temperature', { 'zh-CN': '体温（℃）', en: 'Temperature (°C)' }, 'number', 34, 43),
    number('pulse', { 'zh-CN': '脉搏（次/分）', en: 'Pulse (bpm)' }, 'integer', 30, 200),
    number('systolic', { 'zh-CN': '收缩压（mmHg）', en: 'Systolic BP (mmHg)' }, 'integer', 60, 260),
    number('diastolic', { 'zh-CN': '舒张压（mmHg）', en: 'Diastolic BP (mmHg)' }, 'integer', 30, 160),
    number('spo2', { 'zh-CN': '血氧饱和度（%）', en: 'SpO₂ (%)' }, 'integer', 50, 100),
    number(
      'fastingGlucose',
      { 'zh-CN': '空腹血糖（mmol/L）', en: 'Fasting glucose (mmol/L)' },
      'number',
      1,
      35,
    ),
  ];
}

const FREQUENCIES: { value: string; label: Labels }[] = [
  { value: 'qd', label: { 'zh-CN': '每日一次', en: 'Once a day' } },
  { value: 'bid', label: { 'zh-CN': '每日两次', en: 'Twice a day' } },
  { value: 'tid', label: { 'zh-CN': '每日三次', en: 'Three times a day' } },
  { value: 'qid', label: { 'zh-CN': '每日四次', en: 'Four times a day' } },
  { value: 'qn', label: { 'zh-CN': '每晚一次', en: 'At night' } },
  { value: 'prn', label: { 'zh-CN': '必要时', en: 'As needed' } },
];

function medications(labels: Labels): NewField {
  const item = (key: string, zh: string, en: string, node: SchemaNode): [string, SchemaNode] => [
    key,
    labelled({ 'zh-CN': zh, en }, node),
  ];
  return {
    key: 'medications',
    schema: labelled(labels, {
      type: 'array',
      maxItems: 30,
      items: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: Object.fromEntries([
          item('name', '药品名称', 'Medicine', { type: 'string', minLength: 1, maxLength: 100 }),
          item('dose', '剂量', 'Dose', { type: 'string', maxLength: 50 }),
          item('frequency', '频次', 'Frequency', { type: 'string', enum: FREQUENCIES.map((f) => f.value) }),
          item('time', '服药时间', 'Time', { type: 'string', format: 'local-time' }),
        ]),
      },
    }),
    ui: {
      items: {
        'ui:order': ['name', 'dose', 'frequency', 'time', '*'],
        frequency: {
          'ui:widget': 'select',
          'ui:enumNames': Object.fromEntries(FREQUENCIES.map((f) => [f.value, f.label['zh-CN']])),
          'ui:options': { enumLabels: Object.fromEntries(FREQUENCIES.map((f) => [f.value, f.label])) },
        },
      },
    },
  };
}

function barthelFields(): NewField[] {
  const schema = barthel as unknown as SchemaNode;
  const properties = (schema['properties'] ?? {}) as Record<string, SchemaNode>;
  const required = Array.isArray(schema['required']) ? (schema['required'] as string[]) : [];
  return Object.entries(properties).map(([key, node]) => ({
    key,
    schema: cloneJson(node),
    required: required.includes(key),
  }));
}

/** The fields a palette entry inserts (one, or several for a block). */
export function newFieldsFor(kind: PaletteKind): NewField[] {
  const labels = paletteLabel(kind);
  const key = KEYS[kind];
  const one = (schema: SchemaNode, ui?: UiNode): NewField[] => [
    { key, schema: labelled(labels, schema), ...(ui ? { ui } : {}) },
  ];
  switch (kind) {
    case 'text':
      return one({ type: 'string', maxLength: 100 });
    case 'textarea':
      return one({ type: 'string', maxLength: 2000 });
    case 'number':
      return one({ type: 'number' });
    case 'date':
      return one({ type: 'string', format: 'date' });
    case 'time':
      // a time of day on the home's clock ("02:30"), not RFC 3339's time with an offset
      return one({ type: 'string', format: 'local-time' });
    case 'radio': {
      const { values, ui } = options();
      return one({ type: 'string', enum: values }, ui);
    }
    case 'select': {
      const { values, ui } = options();
      return one({ type: 'string', enum: values }, { ...ui, 'ui:widget': 'select' });
    }
    case 'checkboxes': {
      const { values, ui } = options();
      return one(
        {
          type: 'array',
          items: { type: 'string', enum: values },
          uniqueItems: true,
          maxItems: values.length,
        },
        { 'ui:widget': 'checkboxes', items: ui },
      );
    }
    case 'yes-no':
      return one({ type: 'boolean' });
    case 'rating':
      return one(
        { type: 'integer', minimum: 1, maximum: 5 },
        { 'ui:widget': 'range', 'ui:options': { hint: 'rating' } },
      );
    case 'phone':
      return one({ type: 'string', format: 'cn-mobile' });
    case 'id-number':
      return one({ type: 'string', format: 'cn-id-number', 'x-sensitive': true });
    case 'address':
      return one({ type: 'string', maxLength: 200 }, { 'ui:options': { hint: 'address' } });
    case 'signature':
      return one({ type: 'string', format: 'signature', maxLength: 100_000 });
    case 'photo':
      return one({ type: 'string', format: 'photo', maxLength: 400_000 });
    case 'table':
      return one({
        type: 'array',
        maxItems: 50,
        items: {
          type: 'object',
          additionalProperties: false,
          properties: {
            item: labelled({ 'zh-CN': '项目', en: 'Item' }, { type: 'string', maxLength: 100 }),
          },
        },
      });
    case 'section':
      return one({ type: 'object', additionalProperties: false, properties: {} });
    case 'medications':
      return [medications(labels)];
    case 'vitals':
      return vitalSigns();
    case 'barthel':
      return barthelFields();
    case 'morse':
      return morseFallFields();
  }
}
