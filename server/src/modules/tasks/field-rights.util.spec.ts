import { describe, expect, it } from '@jest/globals';
import {
  enforceDraftRights,
  enforceStepRights,
  resolveStepRights,
  schemaForStep,
  unknownFieldPaths,
  withoutHidden,
} from './field-rights.util.js';

const schema = {
  type: 'object',
  properties: {
    amount: { type: 'number' },
    total: { type: 'number', 'x-compute': { '*': [{ var: 'amount' }, 2] } },
    priority: { type: 'string', default: 'normal' },
    review: {
      type: 'object',
      properties: { comment: { type: 'string' }, score: { type: 'integer' } },
      required: ['comment'],
    },
  },
  required: ['amount'],
};

describe('resolveStepRights', () => {
  it('should give listed fields their right, descend into parents of listed pointers and default the rest', () => {
    // when
    const rights = resolveStepRights(schema, {
      default: 'readonly',
      fields: { '/review/comment': 'hidden', '/amount': 'editable' },
    });
    // then
    expect(rights).toEqual({
      '/amount': 'editable',
      '/total': 'readonly',
      '/priority': 'readonly',
      '/review/comment': 'hidden',
      '/review/score': 'readonly',
    });
  });

  it('should name listed paths that are not fields of the form', () => {
    expect(
      unknownFieldPaths(schema, {
        default: 'editable',
        fields: { '/amount': 'hidden', '/review/nope': 'hidden', '/amount/x': 'hidden' },
      }),
    ).toEqual(['/review/nope', '/amount/x']);
  });
});

describe('schemaForStep', () => {
  it('should remove hidden fields everywhere, mark read-only ones in the UI schema and add required ones', () => {
    // given
    const uiSchema = {
      'ui:order': ['review', 'amount', '*'],
      review: { comment: { 'ui:widget': 'textarea' } },
    };
    // when
    const shown = schemaForStep(schema, uiSchema, {
      '/amount': 'hidden',
      '/priority': 'required',
      '/review/comment': 'readonly',
      '/review/score': 'hidden',
    });
    // then
    expect(shown.schema['properties']).not.toHaveProperty('amount');
    expect(shown.schema['required']).toEqual(['priority']);
    expect(shown.schema).toMatchObject({
      properties: { review: { properties: { comment: { type: 'string' } }, required: ['comment'] } },
    });
    expect(shown.uiSchema).toEqual({
      'ui:order': ['review', '*'],
      review: { comment: { 'ui:widget': 'textarea', 'ui:readonly': true } },
    });
    expect(schema.properties).toHaveProperty('amount'); // the published form is untouched
  });
});

describe('withoutHidden', () => {
  it('should drop hidden members, and every unlisted one when the default is hidden', () => {
    const data = { amount: 1, note: 'x', review: { comment: 'c', score: 3 } };
    expect(
      withoutHidden(data, { default: 'editable', fields: { '/note': 'hidden', '/review/score': 'hidden' } }),
    ).toEqual({
      amount: 1,
      review: { comment: 'c' },
    });
    expect(withoutHidden(data, { default: 'hidden', fields: { '/amount': 'readonly' } })).toEqual({
      amount: 1,
    });
    expect(withoutHidden(null, { default: 'hidden', fields: {} })).toBeNull();
  });
});

describe('enforceStepRights', () => {
  const rights = {
    '/amount': 'readonly',
    '/total': 'readonly',
    '/priority': 'readonly',
    '/review/comment': 'hidden',
    '/review/score': 'required',
  } as const;
  const stored = { amount: 10, total: 20, review: { comment: 'secret' } };

  it('should refuse changed read-only and hidden values with pointers', () => {
    // when
    const result = enforceStepRights(
      schema,
      rights,
      { amount: 11, review: { comment: 'mine', score: 2 } },
      stored,
      'en',
    );
    // then
    expect(result.errors.map((error) => error.path)).toEqual(['/amount', '/review/comment']);
  });

  it('should merge stored values for absent protected fields and accept unchanged, computed and default ones', () => {
    // when
    const result = enforceStepRights(
      schema,
      rights,
      { amount: 10, total: 999, priority: 'normal', review: { score: 4 } },
      stored,
      'zh-CN',
    );
    // then
    expect(result.errors).toEqual([]);
    expect(result.data).toEqual({ amount: 10, total: 20, review: { comment: 'secret', score: 4 } });
  });

  it('should require required-at-this-step fields, but not in a draft', () => {
    expect(enforceStepRights(schema, rights, { review: { score: null } }, stored, 'zh-CN').errors).toEqual([
      { path: '/review/score', message: '本环节必填。' },
    ]);
    expect(enforceDraftRights(schema, rights, {}, stored, 'zh-CN').errors).toEqual([]);
  });
});
