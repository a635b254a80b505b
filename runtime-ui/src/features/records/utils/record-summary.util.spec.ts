import { describe, expect, it } from '@jest/globals';
import { scoreSummary } from './record-summary.util.js';

describe(scoreSummary.name, () => {
  it('should give the total and level of a scale scored by its total', () => {
    // given a Barthel result
    const scores = { '/barthel': { total: 65, labels: { 'zh-CN': '轻度依赖', en: 'Mild dependence' } } };
    // when summarised, then total and level show
    expect(scoreSummary(scores, 'zh-CN')).toEqual({ total: 65, level: '轻度依赖' });
  });

  it('should leave the item-score sum out for a scale graded by its domains', () => {
    // given an MZ/T 039-2013 result whose level comes from the domain grades
    const scores = {
      '/abilityMzt': {
        total: 68,
        labels: { 'zh-CN': '中度失能', en: 'Moderate disability' },
        grades: { adl: { grade: 2 } },
      },
    };
    // when summarised, then only the level shows
    expect(scoreSummary(scores, 'en')).toEqual({ total: null, level: 'Moderate disability' });
  });
});
