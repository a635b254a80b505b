import type { BuilderLabels, BuilderLocale } from '../../../shared/logic-builder/index.js';
import type { RuleTrigger } from './rule.types.js';

/** Names the summary can show instead of keys (forms by key; unknown keys are shown as they are). */
export interface SummaryNames {
  form?: (key: string) => BuilderLabels | undefined;
  field?: (formKey: string, field: string) => BuilderLabels | undefined;
}

const STATUS: Record<string, BuilderLabels> = {
  inquiry: { 'zh-CN': '咨询', en: 'inquiry' },
  trial: { 'zh-CN': '试住', en: 'trial stay' },
  admitted: { 'zh-CN': '入住', en: 'admitted' },
  discharged: { 'zh-CN': '退住', en: 'discharged' },
  deceased: { 'zh-CN': '离世', en: 'deceased' },
  completed: { 'zh-CN': '完成', en: 'completed' },
  cancelled: { 'zh-CN': '取消', en: 'cancelled' },
};

const quote = (text: string, locale: BuilderLocale) => (locale === 'zh-CN' ? `「${text}」` : `"${text}"`);

/** A trigger in words: `当「血糖记录」新增时` / `When a "Glucose reading" is created`. */
export function describeTrigger(
  trigger: RuleTrigger,
  locale: BuilderLocale,
  names: SummaryNames = {},
): string {
  const zh = locale === 'zh-CN';
  const formName = (key: string) => quote(names.form?.(key)?.[locale] ?? (key || '?'), locale);
  const status = (key: string) => STATUS[key]?.[locale] ?? key;
  const inProcess = (processKey?: string, elementId?: string) => {
    if (!processKey) {
      return zh ? '任一流程的' : 'any process';
    }
    const step = elementId ? (zh ? `的环节 ${elementId}` : ` (step ${elementId})`) : '';
    return zh ? `流程 ${processKey}${step}` : `process ${processKey}${step}`;
  };
  switch (trigger.type) {
    case 'record.created':
      return zh ? `当${formName(trigger.formKey)}新增时` : `When a ${formName(trigger.formKey)} is created`;
    case 'record.updated':
      return zh ? `当${formName(trigger.formKey)}修改时` : `When a ${formName(trigger.formKey)} is changed`;
    case 'record.saved':
      return zh
        ? `当${formName(trigger.formKey)}新增或修改时`
        : `When a ${formName(trigger.formKey)} is created or changed`;
    case 'resident.status-changed':
      return trigger.to
        ? zh
          ? `当长者状态变为「${status(trigger.to)}」时`
          : `When a resident's status becomes ${status(trigger.to)}`
        : zh
          ? '当长者状态变化时'
          : "When a resident's status changes";
    case 'task.completed':
      return zh
        ? `当${inProcess(trigger.processKey, trigger.elementId)}任务完成时`
        : `When a task of ${inProcess(trigger.processKey, trigger.elementId)} is completed`;
    case 'task.overdue':
      return zh
        ? `当${inProcess(trigger.processKey, trigger.elementId)}任务逾期时`
        : `When a task of ${inProcess(trigger.processKey, trigger.elementId)} is overdue`;
    case 'process.ended': {
      const how = trigger.status ? status(trigger.status) : zh ? '结束' : 'ends';
      return zh
        ? `当${inProcess(trigger.processKey)}${trigger.status ? `以「${how}」结束` : '结束'}时`
        : `When ${inProcess(trigger.processKey)} ${trigger.status ? `ends ${how}` : 'ends'}`;
    }
    case 'schedule':
      return zh
        ? `按计划 ${trigger.cron}（${trigger.timeZone ?? 'Asia/Shanghai'}）`
        : `On the schedule ${trigger.cron} (${trigger.timeZone ?? 'Asia/Shanghai'})`;
    case 'date-field': {
      const fieldLabel = names.field?.(trigger.formKey, trigger.field)?.[locale] ?? (trigger.field || '?');
      const subject = zh
        ? `${formName(trigger.formKey)}的${quote(fieldLabel, locale)}`
        : `the ${quote(fieldLabel, locale)} of a ${formName(trigger.formKey)}`;
      const offsets = (trigger.offsetsDays ?? []).map((d) =>
        d === 0
          ? zh
            ? '当天'
            : 'on the day'
          : zh
            ? `${d > 0 ? '后' : '前'} ${Math.abs(d)} 天`
            : `${Math.abs(d)} day${Math.abs(d) === 1 ? '' : 's'} ${d > 0 ? 'after' : 'before'}`,
      );
      const every = trigger.every ? describePeriod(trigger.every, locale) : null;
      const at = trigger.at ?? '09:00';
      if (zh) {
        const parts = [offsets.length > 0 ? offsets.join('、') : '', every ? `此后${every}` : ''].filter(
          Boolean,
        );
        return `${subject}${parts.join('，')}的 ${at}`;
      }
      const parts = [
        offsets.length > 0 ? `${offsets.join(', ')} ${subject}` : '',
        every ? `${every} after ${offsets.length > 0 ? 'it' : subject}` : '',
      ].filter(Boolean);
      return `${parts.join(', then ')} at ${at}`;
    }
  }
}

const PERIOD_UNITS = [
  { key: 'Y', zh: '年', en: 'year' },
  { key: 'M', zh: '个月', en: 'month' },
  { key: 'W', zh: '周', en: 'week' },
  { key: 'D', zh: '天', en: 'day' },
] as const;

/** `P1Y` → `每年` / `every year`, `P6M` → `每 6 个月` / `every 6 months`; other text as it is. */
export function describePeriod(period: string, locale: BuilderLocale): string {
  const match = /^P(\d+)([YMWD])$/.exec(period);
  const unit = PERIOD_UNITS.find((candidate) => candidate.key === match?.[2]);
  if (!match || !unit) {
    return period;
  }
  const n = Number(match[1]);
  if (locale === 'zh-CN') {
    return n === 1 ? `每${unit.key === 'M' ? '月' : unit.zh}` : `每 ${n} ${unit.zh}`;
  }
  return n === 1 ? `every ${unit.en}` : `every ${n} ${unit.en}s`;
}
