import { describe, expect, it } from '@jest/globals';
import { summarizeRecord } from './update-summary.util.js';

const vitals = {
  type: 'object',
  properties: {
    measuredAt: { type: 'string', format: 'date-time', title: '测量时间' },
    systolic: {
      type: 'integer',
      title: '收缩压',
      'x-labels': { 'zh-CN': '收缩压（mmHg）', en: 'Systolic (mmHg)' },
    },
    heartRate: { type: 'integer', 'x-labels': { 'zh-CN': '心率', en: 'Heart rate' } },
    mood: {
      type: 'string',
      'x-labels': { 'zh-CN': '精神状态', en: 'Mood' },
      oneOf: [
        { const: 'good', 'x-labels': { 'zh-CN': '良好', en: 'Good' } },
        { const: 'low', 'x-labels': { 'zh-CN': '低落', en: 'Low' } },
      ],
    },
    ateAll: { type: 'boolean', 'x-labels': { 'zh-CN': '全部吃完', en: 'Ate everything' } },
    diagnosis: { type: 'string', title: '诊断', 'x-sensitive': true },
    nurseSignature: { type: 'string', format: 'signature', maxLength: 1000, title: '签名' },
    meals: {
      type: 'object',
      properties: { lunch: { type: 'string', 'x-labels': { 'zh-CN': '午餐', en: 'Lunch' } } },
    },
    activities: {
      type: 'array',
      'x-labels': { 'zh-CN': '活动', en: 'Activities' },
      items: {
        type: 'string',
        oneOf: [
          { const: 'walk', 'x-labels': { 'zh-CN': '散步', en: 'Walk' } },
          { const: 'music', 'x-labels': { 'zh-CN': '音乐', en: 'Music' } },
        ],
      },
    },
  },
};

const data = {
  measuredAt: '2026-01-02T08:00:00Z',
  systolic: 128,
  heartRate: 72,
  mood: 'good',
  ateAll: true,
  diagnosis: '***',
  nurseSignature: 'data:image/png;base64,AAAA',
  meals: { lunch: '米饭、清蒸鱼' },
  activities: ['walk', 'music'],
};

describe(summarizeRecord.name, () => {
  it('should write labelled values in Chinese when the reader reads Chinese', () => {
    // when
    const summary = summarizeRecord(vitals, data, 'zh-CN');
    // then
    expect(summary.text).toBe(
      '收缩压（mmHg）：128；心率：72；精神状态：良好；全部吃完：是；午餐：米饭、清蒸鱼；活动：散步、音乐',
    );
  });

  it('should use the English labels and words when the reader reads English', () => {
    const summary = summarizeRecord(vitals, data, 'en');
    expect(summary.lines).toEqual([
      { label: 'Systolic (mmHg)', value: '128' },
      { label: 'Heart rate', value: '72' },
      { label: 'Mood', value: 'Good' },
      { label: 'Ate everything', value: 'Yes' },
      { label: 'Lunch', value: '米饭、清蒸鱼' },
      { label: 'Activities', value: 'Walk, Music' },
    ]);
  });

  it('should leave out sensitive fields, signatures and time stamps when they hold values', () => {
    const summary = summarizeRecord(vitals, data, 'zh-CN');
    expect(summary.text).not.toMatch(/诊断|签名|测量时间|\*\*\*/);
  });

  it('should show a scored scale as its total and grade when the record has a result', () => {
    // given
    const schema = {
      type: 'object',
      properties: {
        adl: { type: 'object', 'x-labels': { 'zh-CN': '巴氏指数', en: 'Barthel' }, 'x-scale': {} },
      },
    };
    // when
    const summary = summarizeRecord(
      schema,
      { adl: { total: 85, labels: { 'zh-CN': '轻度依赖', en: 'mild dependence' } } },
      'en',
    );
    // then
    expect(summary.text).toBe('Barthel: 85 (mild dependence)');
  });

  it('should shorten long text and give an empty summary when nothing is filled', () => {
    const schema = { type: 'object', properties: { note: { type: 'string', title: '备注' } } };
    expect(summarizeRecord(schema, { note: '很'.repeat(100) }, 'zh-CN').lines[0]?.value).toHaveLength(60);
    expect(summarizeRecord(schema, {}, 'zh-CN')).toEqual({ lines: [], text: '' });
  });
});
