import { describe, expect, it } from '@jest/globals';
import { compileForm, type ScaleDefinition } from '@careloom/forms';
import barthelAdl from '../../forms/src/fixtures/barthel-adl.schema.json' with { type: 'json' };
import mzt039 from '../../forms/src/fixtures/mzt039-ability.schema.json' with { type: 'json' };
import { describeValue } from './describe-value.util.js';
import {
  domainGradeText,
  gradedScaleText,
  liveScoreText,
  scalesByPointer,
  summarizeScale,
} from './scale-summary.util.js';

const mztForm = compileForm(mzt039);
const mztScale = mzt039.properties.abilityMzt['x-scale'] as unknown as ScaleDefinition;
const best = Object.fromEntries(mztScale.items.map((item) => [item.field, item.options[0]!.value]));
/**
 * ADL 10+0+5+5+10+5+5+10+10+0 = 60 (grade 2), mental 1 (grade 1), perception: hearing 2 (grade 1),
 * social 5 × 1 = 5 (grade 1) → ADL 2 with no other domain at 3: moderate disability.
 */
const MODERATE = {
  ...best,
  mztBathing: 0,
  mztDressing: 5,
  mztBladder: 5,
  mztToileting: 5,
  mztTransfer: 10,
  mztWalking: 10,
  mztStairs: 0,
  mztCognition: 1,
  mztHearing: 2,
  mztLivingAbility: 1,
  mztWorkAbility: 1,
  mztTimePlaceOrientation: 1,
  mztPersonOrientation: 1,
  mztSocialInteraction: 1,
};
const mztResult = (data: Record<string, unknown>) => mztForm.process(data).scores['/abilityMzt'];

describe(summarizeScale.name, () => {
  it('should read the overall level and each domain grade, with subtotals only for range-graded domains', () => {
    // given the MZ/T 039-2013 result of a moderately disabled resident
    const result = mztResult(MODERATE);
    // when it is summarized in both languages
    const zh = summarizeScale(mztScale, result, 'zh-CN');
    const en = summarizeScale(mztScale, result, 'en');
    // then the level comes from the combination table and each domain carries its grade
    expect(zh).toMatchObject({
      graded: true,
      edition: 'mzt039-2013',
      level: 'moderate',
      levelLabel: '中度失能',
      levelIndex: 2,
      complete: true,
      adjustments: [],
    });
    expect(zh?.domains).toEqual([
      { id: 'adl', label: '日常生活活动', grade: 2, gradeLabel: '中度受损', subtotal: 60 },
      { id: 'mental', label: '精神状态', grade: 1, gradeLabel: '轻度受损', subtotal: 1 },
      // graded by the combination of its answers: its sum is no grade basis and is left out
      { id: 'perception', label: '感知觉与沟通', grade: 1, gradeLabel: '轻度受损', subtotal: null },
      { id: 'social', label: '社会参与', grade: 1, gradeLabel: '轻度受损', subtotal: 5 },
    ]);
    expect(en?.levelLabel).toBe('Moderate disability');
    expect(en?.domains[0]).toMatchObject({
      label: 'Activities of daily living',
      gradeLabel: 'Moderately impaired',
    });
  });

  it('should name the adjustment that applied and leave ungraded domains empty when a coma sets the level', () => {
    // given a resident in a coma (perception and social items left empty, as the standard allows)
    const coma = Object.fromEntries(
      Object.entries(best).filter(([field]) =>
        ['mztVision', 'mztHearing', 'mztCommunication'].every((skipped) => skipped !== field),
      ),
    );
    const social = ['mztLivingAbility', 'mztWorkAbility', 'mztTimePlaceOrientation', 'mztPersonOrientation'];
    const data = Object.fromEntries(
      Object.entries({ ...coma, mztConsciousness: 3 }).filter(
        ([field]) => !social.includes(field) && field !== 'mztSocialInteraction',
      ),
    );
    // when its result is summarized
    const summary = summarizeScale(mztScale, mztResult(data), 'zh-CN');
    // then the level is severe by the coma rule, with its reason, and the two domains stay ungraded
    expect(summary).toMatchObject({ level: 'severe', levelLabel: '重度失能', complete: false, missing: 8 });
    expect(summary?.adjustments).toEqual(['处于昏迷状态者，直接评定为重度失能']);
    expect(summary?.domains.map((domain) => [domain.id, domain.grade])).toEqual([
      ['adl', 0],
      ['mental', 0],
      ['perception', null],
      ['social', null],
    ]);
    expect(domainGradeText(summary!.domains[2]!, 'zh-CN')).toBe('感知觉与沟通：未评级');
    expect(domainGradeText(summarizeScale(mztScale, mztResult(data), 'en')!.domains[2]!, 'en')).toBe(
      'Perception and communication: not graded',
    );
  });

  it('should not count a plain scale as graded and return null for a value that is no result', () => {
    // given the Barthel scale (bands over the total, no graded sections)
    const barthel = barthelAdl.properties.adl['x-scale'] as unknown as ScaleDefinition;
    // when a result and a non-result are summarized
    const summary = summarizeScale(
      barthel,
      { total: 65, level: 'mild', labels: { 'zh-CN': '轻度依赖', en: 'Mild' } },
      'zh-CN',
    );
    // then
    expect(summary).toMatchObject({ graded: false, total: 65, levelLabel: '轻度依赖', domains: [] });
    expect(summarizeScale(barthel, 65, 'zh-CN')).toBeNull();
  });
});

describe(gradedScaleText.name, () => {
  it('should put the level first and every domain grade after it, without the item-score sum', () => {
    // given the moderate MZ/T result
    const result = mztResult(MODERATE);
    // when it is written as one line
    const zh = gradedScaleText(summarizeScale(mztScale, result, 'zh-CN')!, 'zh-CN');
    const en = gradedScaleText(summarizeScale(mztScale, result, 'en')!, 'en');
    // then
    expect(zh).toBe(
      '中度失能 · 日常生活活动：2 级 中度受损（60 分）；精神状态：1 级 轻度受损（1 分）；' +
        '感知觉与沟通：1 级 轻度受损；社会参与：1 级 轻度受损（5 分）',
    );
    expect(en).toBe(
      'Moderate disability · Activities of daily living: grade 2 Moderately impaired (60 pts); ' +
        'Mental state: grade 1 Mildly impaired (1 pts); Perception and communication: grade 1 Mildly impaired; ' +
        'Social participation: grade 1 Mildly impaired (5 pts)',
    );
    expect(zh).not.toContain(String(result?.total));
  });

  it('should be what describeValue shows for a graded scale result in the record view', () => {
    // given the MZ/T result field of the fixture and a stored result
    const field = mzt039.properties.abilityMzt as unknown as Record<string, unknown>;
    const result = mztResult(MODERATE);
    // when the record view describes it
    const text = describeValue(field, result, { locale: 'zh-CN' });
    // then it is the level and the domain grades
    expect(text).toBe(gradedScaleText(summarizeScale(mztScale, result, 'zh-CN')!, 'zh-CN'));
    expect(text.startsWith('中度失能 · ')).toBe(true);
  });
});

describe(liveScoreText.name, () => {
  it('should show the level and short domain grades for a graded scale, the total and level otherwise', () => {
    // given the moderate MZ/T result, an untouched MZ/T form and a Barthel result
    const scales = scalesByPointer(mzt039);
    const moderate = summarizeScale(scales.get('/abilityMzt'), mztResult(MODERATE), 'zh-CN');
    const untouched = summarizeScale(scales.get('/abilityMzt'), mztResult({}), 'zh-CN');
    const barthel = summarizeScale(
      barthelAdl.properties.adl['x-scale'] as unknown as ScaleDefinition,
      { total: 65, level: 'mild', labels: { 'zh-CN': '轻度依赖', en: 'Mild' }, complete: true },
      'zh-CN',
    );
    // when the line next to the save button is built
    // then
    expect([...scales.keys()]).toEqual(['/abilityMzt']);
    expect(liveScoreText(moderate, 'zh-CN')).toEqual({
      headline: '中度失能',
      detail: '日常生活活动 2 级 · 精神状态 1 级 · 感知觉与沟通 1 级 · 社会参与 1 级',
    });
    expect(liveScoreText(untouched, 'zh-CN')).toBeNull();
    expect(liveScoreText(barthel, 'zh-CN')).toEqual({ headline: '65 分 · 轻度依赖', detail: null });
  });

  it('should say "not graded yet" while some domains are graded and the level is still open', () => {
    // given only the ADL items answered
    const adlOnly = Object.fromEntries(
      mztScale.sections![0]!.items.map((field) => [field, (best as Record<string, unknown>)[field]]),
    );
    const summary = summarizeScale(mztScale, mztResult(adlOnly), 'en');
    // when the live line is built in English
    // then
    expect(liveScoreText(summary, 'en')).toEqual({
      headline: 'Not graded yet',
      detail:
        'Activities of daily living: 0 · Mental state: – · Perception and communication: – · Social participation: –',
    });
  });
});
