import { describe, expect, it } from '@jest/globals';
import { describeValue } from './describe-value.util.js';

const option = (value: string, zh: string, en: string) => ({
  const: value,
  title: zh,
  'x-labels': { 'zh-CN': zh, en },
});

describe('describeValue', () => {
  it('should show choice labels, not stored keys, for single and multiple choices', () => {
    // given a single-choice and a multiple-choice field with labelled options
    const mood = { type: 'string', oneOf: [option('good', '良好', 'Good')] };
    const activities = {
      type: 'array',
      items: {
        type: 'string',
        oneOf: [option('group-exercise', '集体健身操', 'Group exercise'), option('crafts', '手工', 'Crafts')],
      },
    };
    // when their values are described
    // then the reader sees the labels in their language; a value that is no option stays as stored
    expect(describeValue(mood, 'good', { locale: 'en' })).toBe('Good');
    expect(describeValue(activities, ['group-exercise', 'crafts'], { locale: 'zh-CN' })).toBe(
      '集体健身操、手工',
    );
    expect(describeValue(activities, ['crafts', 'singing'], { locale: 'en' })).toBe('Crafts, singing');
  });
});
