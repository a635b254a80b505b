import { describe, expect, it } from '@jest/globals';
import cases from '../__fixtures__/field-rights.conformance.json' with { type: 'json' };
import { bpmn, deployOne, flow } from '../__fixtures__/harness.util.js';
import type { FieldRightsDefinition } from './definition.types.js';
import { deployBpmn } from './deploy.util.js';
import { fieldRightsPointer, parseFieldRights } from './field-rights.util.js';

interface ConformanceCase {
  description: string;
  text: string;
  ok: boolean;
  rights?: FieldRightsDefinition | null;
  error?: string;
  errorZh?: string;
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

const withRights = (text: string, formKey = 'careloom:form:expense'): string =>
  bpmn(
    `<bpmn:startEvent id="start" />
     <bpmn:userTask id="review" ${formKey ? `camunda:formKey="${formKey}"` : ''} careloom:fieldRights="${escapeXml(text)}" />
     <bpmn:endEvent id="end" />
     ${flow('f1', 'start', 'review')}${flow('f2', 'review', 'end')}`,
  );

describe('parseFieldRights', () => {
  describe.each(cases as ConformanceCase[])('conformance: $description', (testCase) => {
    it('should parse the text as the committed case says', () => {
      // when
      const result = parseFieldRights(testCase.text);
      // then
      expect(result.ok).toBe(testCase.ok);
      if (result.ok) {
        expect(result.value).toEqual(testCase.rights);
      } else {
        expect(result.en).toContain(testCase.error);
        expect(result.zh).toContain(testCase.errorZh);
      }
    });

    it('should deploy or refuse the user task carrying it, naming the element', async () => {
      // when
      const result = await deployBpmn(withRights(testCase.text));
      // then
      expect(result.ok).toBe(testCase.ok);
      if (!result.ok) {
        expect(result.errors).toHaveLength(1);
        expect(result.errors[0]).toMatchObject({ elementId: 'review', elementType: 'userTask' });
        expect(result.errors[0]?.messages.en).toContain(testCase.error);
        expect(result.errors[0]?.messages['zh-CN']).toContain(testCase.errorZh);
      }
    });
  });

  it('should have a committed suite of cases for both outcomes', () => {
    const all = cases as ConformanceCase[];
    expect(all.filter((c) => c.ok).length).toBeGreaterThanOrEqual(3);
    expect(all.filter((c) => !c.ok).length).toBeGreaterThanOrEqual(10);
  });
});

describe('fieldRightsPointer', () => {
  it('should turn names into pointers and keep valid pointers', () => {
    expect(fieldRightsPointer('amount')).toBe('/amount');
    expect(fieldRightsPointer('/review/comment')).toBe('/review/comment');
    expect(fieldRightsPointer('a~b')).toBe('/a~0b');
    expect(fieldRightsPointer('*')).toBeNull();
    expect(fieldRightsPointer('/')).toBeNull();
  });
});

describe('careloom:fieldRights on a user task', () => {
  it('should expose the parsed rights on the compiled user task', async () => {
    // given
    const definition = await deployOne(withRights('{"amount":"readonly","internalNote":"hidden"}'));
    // then
    expect(definition.elements['review']).toMatchObject({
      type: 'userTask',
      fieldRights: { default: 'editable', fields: { '/amount': 'readonly', '/internalNote': 'hidden' } },
    });
  });

  it('should leave a task without the attribute as before (no fieldRights key)', async () => {
    // given
    const definition = await deployOne(
      bpmn(
        `<bpmn:startEvent id="start" /><bpmn:userTask id="t" camunda:formKey="x" /><bpmn:endEvent id="end" />
         ${flow('f1', 'start', 't')}${flow('f2', 't', 'end')}`,
      ),
    );
    // then
    expect(definition.elements['t']).not.toHaveProperty('fieldRights');
  });

  it('should refuse rights on a task without a form', async () => {
    // when
    const result = await deployBpmn(withRights('{"amount":"readonly"}', ''));
    // then
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]).toMatchObject({ elementId: 'review', elementType: 'userTask' });
      expect(result.errors[0]?.messages['zh-CN']).toContain('需要任务设置表单');
    }
  });
});
