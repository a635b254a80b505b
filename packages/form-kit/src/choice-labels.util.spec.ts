import { describe, expect, it } from '@jest/globals';
import { choiceLabel, localizeChoiceTitles } from './choice-labels.util.js';

const activity = (value: string, zh: string, en: string) => ({
  const: value,
  title: zh,
  'x-labels': { 'zh-CN': zh, en },
});

const schema = {
  type: 'object',
  properties: {
    mood: { type: 'string', oneOf: [activity('good', '良好', 'Good'), activity('low', '低落', 'Low')] },
    activities: {
      type: 'array',
      items: { type: 'string', oneOf: [activity('group-exercise', '集体健身操', 'Group exercise')] },
    },
    note: { type: 'string', title: '备注' },
  },
};

describe('localizeChoiceTitles', () => {
  it('should title choice options in English when the reader reads English', () => {
    // given a schema whose options carry zh-CN titles and both languages in x-labels
    // when it is localized for English
    const localized = localizeChoiceTitles(schema, 'en');
    // then single and multiple choice options are titled in English, and the source is untouched
    expect(localized.properties.mood.oneOf.map((o) => o.title)).toEqual(['Good', 'Low']);
    expect(localized.properties.activities.items.oneOf[0]?.title).toBe('Group exercise');
    expect(schema.properties.mood.oneOf[0]?.title).toBe('良好');
    expect(localized.properties.note).toBe(schema.properties.note);
  });

  it('should return the same schema when nothing changes', () => {
    // given the zh-CN titles already match zh-CN labels
    // when localized for zh-CN
    // then the very same object comes back (no re-render, no re-compile)
    expect(localizeChoiceTitles(schema, 'zh-CN')).toBe(schema);
  });
});

describe('choiceLabel', () => {
  it('should name a choice value in the reader language and leave unknown values alone', () => {
    // given a single-choice field and a multiple-choice item schema
    // when a value is looked up
    // then the option label in that language comes back, undefined for a value that is not an option
    expect(choiceLabel(schema.properties.mood, 'low', 'en')).toBe('Low');
    expect(choiceLabel(schema.properties.activities.items, 'group-exercise', 'zh-CN')).toBe('集体健身操');
    expect(choiceLabel(schema.properties.mood, 'angry', 'en')).toBeUndefined();
  });
});
