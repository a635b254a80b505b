import { describe, expect, it } from '@jest/globals';
import barthelAdl from '../../forms/src/fixtures/barthel-adl.schema.json' with { type: 'json' };
import elderArchive from '../../forms/src/fixtures/elder-archive.schema.json' with { type: 'json' };
import { buildCareUiSchema, CARE_FIELDS, CARE_WIDGETS } from './care-ui-schema.util.js';
import { orderedPropertyNames } from './form-fields.util.js';

/** What a schema looks like after a round trip through PostgreSQL jsonb: keys shorter first, then bytewise. */
function jsonbOrdered(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(jsonbOrdered);
  }
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value).sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(
      keys.map((key) => [key, jsonbOrdered((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

describe(buildCareUiSchema.name, () => {
  it('should label, widget and score the Barthel items in the locale', () => {
    // when the uiSchema is built in English
    const ui = buildCareUiSchema(barthelAdl, { locale: 'en' }) as Record<string, Record<string, unknown>>;
    // then answers are radio buttons labelled by the scale's options, with their scores
    expect(ui['feeding']).toMatchObject({
      'ui:title': 'Feeding',
      'ui:widget': CARE_WIDGETS.choice,
      'ui:enumNames': { '10': 'Independent', '5': 'Needs some help', '0': 'Dependent' },
      'ui:options': { scores: { '10': 10, '5': 5, '0': 0 } },
    });
    // and computed fields are read-only, the scale result rendered by its own field
    expect(ui['total']).toMatchObject({ 'ui:readonly': true, 'ui:widget': CARE_WIDGETS.computed });
    expect(ui['adl']).toMatchObject({ 'ui:field': CARE_FIELDS.scale });
    expect(ui['coma']).toMatchObject({ 'ui:widget': CARE_WIDGETS.choice, 'ui:enumNames': { true: 'Yes' } });
    expect(ui['ui:options']).toEqual({ label: false });
  });

  it('should hide fields and let the form author override other entries', () => {
    // given dementiaStage hidden and an author uiSchema
    const ui = buildCareUiSchema(elderArchive, {
      locale: 'zh-CN',
      hidden: new Set(['/dementiaStage']),
      base: {
        gender: { 'ui:enumNames': { male: '男', female: '女' } },
        dementiaStage: { 'ui:widget': 'select' },
      },
    }) as Record<string, Record<string, unknown>>;
    // then
    expect(ui['dementiaStage']).toMatchObject({ 'ui:widget': 'hidden', 'ui:field': CARE_FIELDS.hidden });
    expect(ui['gender']).toMatchObject({ 'ui:title': '性别', 'ui:enumNames': { male: '男', female: '女' } });
    expect(ui['birthDate']).toMatchObject({ 'ui:widget': CARE_WIDGETS.date });
    expect(ui['remarks']).toMatchObject({ 'ui:widget': 'textarea' });
    expect(ui['emergencyContact']?.['phone']).toMatchObject({ 'ui:title': '联系人手机' });
  });
});

describe(orderedPropertyNames.name, () => {
  it('should keep the authored order when the keys are not in jsonb order', () => {
    expect(orderedPropertyNames(elderArchive)).toEqual(Object.keys(elderArchive.properties));
  });

  it('should restore a sensible order when the schema came back from jsonb', () => {
    // when the Barthel schema lost its key order
    const barthel = orderedPropertyNames(jsonbOrdered(barthelAdl) as Record<string, unknown>);
    // then the items follow the scale, computed fields come last
    expect(barthel).toEqual([...barthelAdl.required, 'coma', 'adl', 'total']);
    // and in the archive, required fields first and the dementia stage right after its condition
    const archive = orderedPropertyNames(jsonbOrdered(elderArchive) as Record<string, unknown>);
    expect(archive.slice(0, 6)).toEqual(elderArchive.required);
    expect(archive.indexOf('dementiaStage')).toBe(archive.indexOf('hasDementia') + 1);
    expect(archive.at(-1)).toBe('bmi');
  });

  it('should give a time of day the native time picker, and leave an RFC 3339 time to rjsf', () => {
    // given a local-time and a standard time field
    const schema = {
      type: 'object',
      properties: {
        wakeTime: { type: 'string', format: 'local-time' },
        stamp: { type: 'string', format: 'time' },
      },
    };
    // when the uiSchema is built
    const ui = buildCareUiSchema(schema, { locale: 'en' }) as Record<string, Record<string, unknown>>;
    // then only the local time gets the phone's time picker
    expect(ui['wakeTime']).toMatchObject({ 'ui:widget': CARE_WIDGETS.time });
    expect(ui['stamp']?.['ui:widget']).toBeUndefined();
  });
});
