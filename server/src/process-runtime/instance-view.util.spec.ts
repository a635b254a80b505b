import { describe, expect, it } from '@jest/globals';
import type { InstanceState } from '@careloom/engine';
import {
  activeElementIds,
  backoffMs,
  formKeyOf,
  instanceStatusOf,
  stepFieldRights,
} from './instance-view.util.js';
import type { ProcessDefinition } from './process-model.util.js';

const state = (overrides: Partial<InstanceState>): InstanceState => ({
  schemaVersion: 1,
  definitionId: 'p',
  status: 'active',
  variables: {},
  tokens: [],
  subscriptions: [],
  incidents: [],
  counter: 0,
  ...overrides,
});

describe('instance-view utils', () => {
  it('should report a terminated instance as completed when a terminate end event ended it', () => {
    expect(instanceStatusOf(state({ status: 'terminated' }))).toBe('completed');
    expect(instanceStatusOf(state({ status: 'incident' }))).toBe('incident');
    expect(instanceStatusOf(state({ status: 'cancelled' }))).toBe('cancelled');
  });

  it('should list each element holding a token once when tokens share an element', () => {
    const tokens = [
      { id: 'a', elementId: 'sub', parentId: null },
      { id: 'b', elementId: 'task', parentId: 'a' },
      { id: 'c', elementId: 'task', parentId: 'a' },
    ];
    expect(activeElementIds(state({ tokens }))).toEqual(['sub', 'task']);
  });

  it('should strip the careloom:form: prefix when a task names its form that way', () => {
    expect(formKeyOf('careloom:form:onboarding-family-call')).toBe('onboarding-family-call');
    expect(formKeyOf('barthel-adl')).toBe('barthel-adl');
  });

  it('should double the delay per attempt and cap it when attempts grow', () => {
    expect([1, 2, 3].map((attempt) => backoffMs(attempt, 1000))).toEqual([1000, 2000, 4000]);
    expect(backoffMs(40, 1000, 60_000)).toBe(60_000);
  });
  it('should list the field rights of the user tasks that set some when a definition mixes steps', () => {
    // given a definition with a user task with rights, one without and a service task
    const hidden = { default: 'editable' as const, fields: { '/note': 'hidden' as const } };
    const definition = {
      elements: {
        fill: { id: 'fill', type: 'userTask', fieldRights: null },
        approve: { id: 'approve', type: 'userTask', fieldRights: hidden },
        notify: { id: 'notify', type: 'serviceTask' },
      },
    } as unknown as ProcessDefinition;

    // when / then only the approval's rights count
    expect(stepFieldRights(definition)).toEqual([hidden]);
  });
});
