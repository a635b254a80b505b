import { describe, expect, it } from '@jest/globals';
import type { RuleTrigger } from './rule.types.js';
import { describePeriod, describeTrigger } from './trigger-summary.util.js';

const names = {
  form: (key: string) => (key === 'glucose' ? { 'zh-CN': '血糖记录', en: 'Glucose reading' } : undefined),
  field: (_form: string, field: string) =>
    field === 'admittedOn' ? { 'zh-CN': '入住日期', en: 'Admission date' } : undefined,
};

describe(describeTrigger.name, () => {
  it('should name the form when a record of it is created', () => {
    // given a record trigger on the glucose form
    const trigger = { type: 'record.created', formKey: 'glucose' } as const;

    // then the sentence uses the form's name in each language
    expect(describeTrigger(trigger, 'zh-CN', names)).toBe('当「血糖记录」新增时');
    expect(describeTrigger(trigger, 'en', names)).toBe('When a "Glucose reading" is created');
  });

  it('should show the key when the form is unknown', () => {
    expect(describeTrigger({ type: 'record.saved', formKey: 'falls' }, 'zh-CN', names)).toBe(
      '当「falls」新增或修改时',
    );
  });

  it('should say which status and which process when they are set', () => {
    expect(describeTrigger({ type: 'resident.status-changed', to: 'admitted' }, 'zh-CN')).toBe(
      '当长者状态变为「入住」时',
    );
    expect(describeTrigger({ type: 'resident.status-changed' }, 'en')).toBe(
      "When a resident's status changes",
    );
    expect(describeTrigger({ type: 'task.overdue', processKey: 'onboarding' }, 'en')).toBe(
      'When a task of process onboarding is overdue',
    );
    expect(describeTrigger({ type: 'process.ended', status: 'cancelled' }, 'zh-CN')).toBe(
      '当任一流程的以「取消」结束时',
    );
  });

  it('should list the offsets and the repetition of a date-field trigger', () => {
    // given reminders 3 and 30 days after admission, then every year, at 10:00
    const trigger: RuleTrigger = {
      type: 'date-field',
      formKey: 'glucose',
      field: 'admittedOn',
      offsetsDays: [3, 30],
      every: 'P1Y',
      at: '10:00',
    };

    // then both parts are in the sentence
    expect(describeTrigger(trigger, 'zh-CN', names)).toBe(
      '「血糖记录」的「入住日期」后 3 天、后 30 天，此后每年的 10:00',
    );
    expect(describeTrigger(trigger, 'en', names)).toBe(
      '3 days after, 30 days after the "Admission date" of a "Glucose reading", then every year after it at 10:00',
    );
  });

  it('should show the cron and its zone for a schedule', () => {
    expect(describeTrigger({ type: 'schedule', cron: '0 8 * * 1-5' }, 'zh-CN')).toBe(
      '按计划 0 8 * * 1-5（Asia/Shanghai）',
    );
  });
});

describe(describePeriod.name, () => {
  it('should read whole ISO periods and keep other text as it is', () => {
    expect(describePeriod('P1Y', 'zh-CN')).toBe('每年');
    expect(describePeriod('P1M', 'zh-CN')).toBe('每月');
    expect(describePeriod('P6M', 'en')).toBe('every 6 months');
    expect(describePeriod('P1Y6M', 'en')).toBe('P1Y6M');
  });
});
