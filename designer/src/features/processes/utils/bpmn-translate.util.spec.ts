import { describe, expect, it } from '@jest/globals';
import { BPMN_ZH, translateBpmn } from './bpmn-translate.util.js';

describe(translateBpmn.name, () => {
  it('should give the zh-CN text of a palette, context pad or replace menu entry when the locale is zh-CN', () => {
    // given / when / then
    expect(translateBpmn('zh-CN', 'Create start event')).toBe('开始事件');
    expect(translateBpmn('zh-CN', 'Append task')).toBe('追加任务');
    expect(translateBpmn('zh-CN', 'Timer boundary event (non-interrupting)')).toBe(
      '定时边界事件（不中断任务）',
    );
  });

  it('should keep English when the locale is English or there is no zh-CN text', () => {
    expect(translateBpmn('en', 'Create start event')).toBe('Create start event');
    expect(translateBpmn('zh-CN', 'Signal start event')).toBe('Signal start event');
  });

  it('should fill placeholders as bpmn-js does, and keep unknown ones', () => {
    expect(translateBpmn('zh-CN', 'Open {element}', { element: '子流程' })).toBe('打开 子流程');
    expect(translateBpmn('en', 'Open {element}', {})).toBe('Open {element}');
  });

  it('should translate every supported element type of the replace menu when they are listed', () => {
    // given the replace-menu labels of the elements the engine runs
    const supported = [
      'User task',
      'Service task',
      'Business rule task',
      'Call activity',
      'Exclusive gateway',
      'Parallel gateway',
      'Inclusive gateway',
      'Event-based gateway',
      'Message start event',
      'Timer start event',
      'Terminate end event',
      'Error end event',
      'Timer intermediate catch event',
      'Message intermediate catch event',
      'Timer boundary event',
      'Message boundary event',
      'Error boundary event',
    ];

    // then each has a zh-CN text
    expect(supported.filter((label) => BPMN_ZH[label] === undefined)).toEqual([]);
  });
});
