import { describe, expect, it } from '@jest/globals';
import type { ModdleElement } from './bpmn-model.types.js';
import {
  boundaryProblems,
  boundarySentence,
  boundaryTrigger,
  errorCodeOf,
  errorsOf,
  planError,
} from './boundary-event.util.js';

function element(type: string, properties: Record<string, unknown> = {}): ModdleElement {
  return {
    $type: type,
    $attrs: {},
    ...properties,
    get: (name: string) => properties[name],
    set: () => undefined,
  };
}

describe(boundaryTrigger.name, () => {
  it('should name the trigger of boundary events only', () => {
    // given boundary events of each kind and a catch event
    const boundary = (definition: string) =>
      element('bpmn:BoundaryEvent', { eventDefinitions: [element(definition)] });

    // then timer, message and error are told apart, and anything else is null
    expect(boundaryTrigger(boundary('bpmn:TimerEventDefinition'))).toBe('timer');
    expect(boundaryTrigger(boundary('bpmn:MessageEventDefinition'))).toBe('message');
    expect(boundaryTrigger(boundary('bpmn:ErrorEventDefinition'))).toBe('error');
    expect(boundaryTrigger(boundary('bpmn:SignalEventDefinition'))).toBeNull();
    expect(
      boundaryTrigger(
        element('bpmn:IntermediateCatchEvent', { eventDefinitions: [element('bpmn:TimerEventDefinition')] }),
      ),
    ).toBeNull();
  });
});

describe(planError.name, () => {
  const fall = element('bpmn:Error', { id: 'Error_FALL', name: '跌倒', errorCode: 'FALL' });
  const legacy = element('bpmn:Error', { id: 'Error_old', name: 'NO_BED' });
  const definitions = element('bpmn:Definitions', {
    rootElements: [element('bpmn:Process'), fall, legacy],
  });

  it('should match errors by errorCode, else by name, as the engine does', () => {
    expect(errorsOf(definitions)).toEqual([fall, legacy]);
    expect(errorCodeOf(fall)).toBe('FALL');
    expect(errorCodeOf(legacy)).toBe('NO_BED');
    expect(errorCodeOf(undefined)).toBe('');
  });

  it('should reuse an error with the code, change an unshared one, and create one otherwise', () => {
    // given an event whose own error is "FALL"
    // when it is given an existing code, then that error is used
    expect(planError('NO_BED', fall, [fall, legacy], 1)).toEqual({ action: 'use', target: legacy });
    // when it gets a new code and no other event uses its error, then that error changes
    expect(planError('WEBHOOK_DOWN', fall, [fall, legacy], 1)).toEqual({ action: 'rename', target: fall });
    // when other events share it, then a new error is created with a free id
    expect(planError('WEBHOOK_DOWN', fall, [fall, legacy], 2)).toEqual({
      action: 'create',
      id: 'Error_WEBHOOK_DOWN',
    });
    expect(planError('FALL', undefined, [element('bpmn:Error', { id: 'Error_FALL', name: 'x' })], 0)).toEqual(
      {
        action: 'create',
        id: 'Error_FALL_2',
      },
    );
    // and the same code changes nothing, an empty one clears the reference
    expect(planError(' FALL ', fall, [fall], 1)).toEqual({ action: 'none' });
    expect(planError('', fall, [fall], 1)).toEqual({ action: 'clear' });
    expect(planError('', undefined, [fall], 0)).toEqual({ action: 'none' });
  });
});

describe(boundaryProblems.name, () => {
  it('should refuse what the engine refuses about boundary events', () => {
    // given an error boundary that does not interrupt, on a user task
    expect(
      boundaryProblems({ trigger: 'error', interrupting: false, hostType: 'bpmn:UserTask' }).map(
        (problem) => problem.key,
      ),
    ).toEqual(['pe.bnd.errorInterrupts', 'pe.bnd.errorHost']);
    // then an interrupting error on a service task is fine
    expect(boundaryProblems({ trigger: 'error', interrupting: true, hostType: 'bpmn:ServiceTask' })).toEqual(
      [],
    );
    // and an unbounded cycle must not interrupt
    const cycle = { kind: 'cycle' as const, value: 'R/P1D' };
    expect(
      boundaryProblems({ trigger: 'timer', interrupting: true, hostType: 'bpmn:UserTask', timer: cycle }),
    ).toEqual([{ key: 'pe.bnd.unboundedCycle' }]);
    expect(
      boundaryProblems({ trigger: 'timer', interrupting: false, hostType: 'bpmn:UserTask', timer: cycle }),
    ).toEqual([]);
    expect(
      boundaryProblems({
        trigger: 'timer',
        interrupting: true,
        hostType: 'bpmn:UserTask',
        timer: { kind: 'cycle', value: 'R3/P1D' },
      }),
    ).toEqual([]);
  });
});

describe(boundarySentence.name, () => {
  it('should say what happens to the task for each trigger and mode', () => {
    const timer = { kind: 'duration' as const, value: 'P1D' };
    expect(
      boundarySentence(
        { trigger: 'timer', interrupting: false, hostType: 'bpmn:UserTask', timer },
        '评估',
        '',
      ),
    ).toEqual({ key: 'pe.bnd.sentence.timer.nonInterrupting', params: { host: '评估' } });
    expect(
      boundarySentence(
        {
          trigger: 'timer',
          interrupting: false,
          hostType: 'bpmn:UserTask',
          timer: { kind: 'cycle', value: 'R3/PT8H' },
        },
        '评估',
        '',
      ).key,
    ).toBe('pe.bnd.sentence.cycle.nonInterrupting');
    expect(
      boundarySentence({ trigger: 'message', interrupting: true, hostType: 'bpmn:UserTask' }, ' ', '').params,
    ).toEqual({ host: '—' });
    expect(
      boundarySentence(
        { trigger: 'error', interrupting: true, hostType: 'bpmn:ServiceTask' },
        '通知',
        ' E1 ',
      ),
    ).toEqual({ key: 'pe.bnd.sentence.error', params: { host: '通知', code: 'E1' } });
    expect(
      boundarySentence({ trigger: 'error', interrupting: true, hostType: 'bpmn:ServiceTask' }, '通知', '')
        .key,
    ).toBe('pe.bnd.sentence.errorAny');
  });
});
