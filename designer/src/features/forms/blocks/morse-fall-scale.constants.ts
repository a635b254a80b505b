import type { Labels, NewField } from '../utils/form-schema.types.js';

interface MorseItem {
  key: string;
  label: Labels;
  options: { score: number; label: Labels }[];
}

/** Morse Fall Scale: six items; total 0–125; 0–24 low, 25–44 medium, ≥ 45 high risk. */
const ITEMS: MorseItem[] = [
  {
    key: 'fallHistory',
    label: { 'zh-CN': '跌倒史（近 3 个月）', en: 'History of falling (3 months)' },
    options: [
      { score: 0, label: { 'zh-CN': '无', en: 'No' } },
      { score: 25, label: { 'zh-CN': '有', en: 'Yes' } },
    ],
  },
  {
    key: 'secondaryDiagnosis',
    label: { 'zh-CN': '超过一个医学诊断', en: 'Secondary diagnosis' },
    options: [
      { score: 0, label: { 'zh-CN': '无', en: 'No' } },
      { score: 15, label: { 'zh-CN': '有', en: 'Yes' } },
    ],
  },
  {
    key: 'ambulatoryAid',
    label: { 'zh-CN': '行走辅助', en: 'Ambulatory aid' },
    options: [
      { score: 0, label: { 'zh-CN': '不需要 / 卧床 / 护士扶持', en: 'None / bed rest / nurse assist' } },
      { score: 15, label: { 'zh-CN': '拐杖、助行器、手杖', en: 'Crutches / cane / walker' } },
      { score: 30, label: { 'zh-CN': '扶靠家具行走', en: 'Furniture' } },
    ],
  },
  {
    key: 'ivTherapy',
    label: { 'zh-CN': '静脉输液 / 置管', en: 'IV or heparin lock' },
    options: [
      { score: 0, label: { 'zh-CN': '无', en: 'No' } },
      { score: 20, label: { 'zh-CN': '有', en: 'Yes' } },
    ],
  },
  {
    key: 'gait',
    label: { 'zh-CN': '步态', en: 'Gait' },
    options: [
      { score: 0, label: { 'zh-CN': '正常 / 卧床 / 轮椅代步', en: 'Normal / bed rest / wheelchair' } },
      { score: 10, label: { 'zh-CN': '乏力', en: 'Weak' } },
      { score: 20, label: { 'zh-CN': '功能障碍', en: 'Impaired' } },
    ],
  },
  {
    key: 'mentalStatus',
    label: { 'zh-CN': '认知状态', en: 'Mental status' },
    options: [
      { score: 0, label: { 'zh-CN': '了解自己能力', en: 'Oriented to own ability' } },
      { score: 15, label: { 'zh-CN': '高估自己能力 / 忘记限制', en: 'Overestimates / forgets limitations' } },
    ],
  },
];

const BANDS = [
  { min: 45, max: 125, level: 'high', labels: { 'zh-CN': '高风险', en: 'High risk' } },
  { min: 25, max: 44, level: 'medium', labels: { 'zh-CN': '中风险', en: 'Medium risk' } },
  { min: 0, max: 24, level: 'low', labels: { 'zh-CN': '低风险', en: 'Low risk' } },
];

/** The Morse fall-risk block: six scored items, the scale result and the total (keys are fixed). */
export function morseFallFields(): NewField[] {
  const items: NewField[] = ITEMS.map((item) => ({
    key: item.key,
    schema: {
      type: 'integer',
      title: item.label['zh-CN'],
      'x-labels': item.label,
      'x-section': 'morse',
      enum: item.options.map((option) => option.score),
    },
    required: true,
  }));
  const scale: NewField = {
    key: 'morse',
    schema: {
      type: 'object',
      title: 'Morse 跌倒风险评估结果',
      'x-labels': { 'zh-CN': 'Morse 跌倒风险评估结果', en: 'Morse fall risk result' },
      readOnly: true,
      'x-scale': {
        edition: 'morse-2026.1',
        items: ITEMS.map((item) => ({
          field: item.key,
          label: item.label,
          options: item.options.map((option) => ({
            value: option.score,
            label: option.label,
            score: option.score,
          })),
        })),
        bands: BANDS,
      },
    },
  };
  const total: NewField = {
    key: 'morseTotal',
    schema: {
      type: 'integer',
      title: 'Morse 总分',
      'x-labels': { 'zh-CN': 'Morse 总分', en: 'Morse total' },
      minimum: 0,
      maximum: 125,
      readOnly: true,
      'x-compute': { var: 'morse.total' },
    },
  };
  return [...items, scale, total];
}
