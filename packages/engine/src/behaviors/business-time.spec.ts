import { describe, expect, it } from '@jest/globals';
import { bpmn, deployOne, effectsOf, flow } from '../__fixtures__/harness.util.js';
import { deployBpmn } from '../definition/deploy.util.js';
import { execute } from '../runtime/execute.js';
import { businessCalendarOf } from '../time/business-time.util.js';
import cnMainland from '../time/calendars/cn-mainland.json' with { type: 'json' };

const calendar = businessCalendarOf(cnMainland);
const timer = (value: string): string =>
  `<bpmn:timerEventDefinition><bpmn:timeDuration>${value}</bpmn:timeDuration></bpmn:timerEventDefinition>`;

/** A complaint: handled within `due` (camunda:dueDate), escalated by an interrupting SLA timer `sla`. */
const complaint = (due: string, sla: string): string =>
  bpmn(
    `<bpmn:startEvent id="start" />
     <bpmn:userTask id="handle" name="Handle" camunda:dueDate="${due}" camunda:followUpDate="PT4WH" />
     <bpmn:boundaryEvent id="sla" attachedToRef="handle">${timer(sla)}</bpmn:boundaryEvent>
     <bpmn:userTask id="escalate" name="Escalate" />
     <bpmn:endEvent id="end" />
     ${flow('f1', 'start', 'handle')}${flow('f2', 'handle', 'end')}${flow('f3', 'sla', 'escalate')}${flow('f4', 'escalate', 'end')}`,
  );

// Wednesday 2026-09-30 16:00 Beijing time, the eve of the National Day holiday (Oct 1–7; Sat Oct 10 is worked)
const EVE = '2026-09-30T08:00:00.000Z';

describe('business time in processes', () => {
  it('should put the due date and the SLA timer of a complaint filed on the eve of National Day on the make-up Saturday', async () => {
    // given a complaint process with a 3-working-day due date and SLA
    const definition = await deployOne(complaint('P3WD', '${sla}'));
    // when it is filed on the eve of the holiday with the tenant's calendar
    const { effects } = execute(
      definition,
      null,
      { type: 'start', variables: { sla: '3 个工作日' } },
      { now: EVE, instanceId: 'c1', calendar },
    );
    // then the task is due, and the SLA fires, on Saturday 2026-10-10 16:00; the follow-up 4 working hours on
    const [task] = effectsOf(effects, 'create-task');
    expect(task).toMatchObject({ dueAt: '2026-10-10T08:00:00.000Z', followUpAt: '2026-10-08T03:00:00.000Z' });
    expect(task?.businessCalendar).toBe('context');
    expect(effectsOf(effects, 'schedule-timer')).toEqual([
      {
        type: 'schedule-timer',
        timerId: 'c1-timer2',
        elementId: 'sla',
        dueAt: '2026-10-10T08:00:00.000Z',
        businessCalendar: 'context',
      },
    ]);
  });

  it('should use plain time in a 24×7 unit', async () => {
    const definition = await deployOne(complaint('PT4WH', 'P3WD'));
    const { effects } = execute(
      definition,
      null,
      { type: 'start' },
      { now: EVE, instanceId: 'c2', calendar: { ...calendar, alwaysOpen: true } },
    );
    expect(effectsOf(effects, 'create-task')[0]?.dueAt).toBe('2026-09-30T12:00:00.000Z');
    expect(effectsOf(effects, 'schedule-timer')[0]?.dueAt).toBe('2026-10-03T08:00:00.000Z');
  });

  it('should fall back to the standard calendar without holidays and say so when the context has none', async () => {
    const definition = await deployOne(complaint('P3WD', 'PT4WH'));
    const { effects } = execute(definition, null, { type: 'start' }, { now: EVE, instanceId: 'c3' });
    // Thu Oct 1, Fri Oct 2, Mon Oct 5: the holidays are unknown without a calendar
    expect(effectsOf(effects, 'create-task')[0]).toMatchObject({
      dueAt: '2026-10-05T08:00:00.000Z',
      businessCalendar: 'standard',
    });
    expect(effectsOf(effects, 'schedule-timer')[0]).toMatchObject({
      dueAt: '2026-10-01T03:00:00.000Z',
      businessCalendar: 'standard',
    });
  });

  it('should raise an incident for a malformed business duration from an expression', async () => {
    const definition = await deployOne(complaint('P3WD', '${sla}'));
    const { effects } = execute(
      definition,
      null,
      { type: 'start', variables: { sla: '3 working weeks' } },
      { now: EVE, instanceId: 'c4', calendar },
    );
    expect(effectsOf(effects, 'incident')[0]?.elementId).toBe('handle');
  });

  it('should refuse malformed business durations at deploy with the element id', async () => {
    // given a due date, an SLA timer and a cycle that are not durations the engine can schedule
    const result = await deployBpmn(
      bpmn(
        `<bpmn:startEvent id="start" />
         <bpmn:userTask id="handle" camunda:dueDate="3 workdays" />
         <bpmn:boundaryEvent id="sla" attachedToRef="handle">${timer('P3WDT2WH')}</bpmn:boundaryEvent>
         <bpmn:boundaryEvent id="remind" attachedToRef="handle" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeCycle>R3/P1WD</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>
         <bpmn:endEvent id="end" />
         ${flow('f1', 'start', 'handle')}${flow('f2', 'handle', 'end')}${flow('f3', 'sla', 'end')}${flow('f4', 'remind', 'end')}`,
      ),
    );
    // then each is refused, naming the element
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors.map((error) => [error.elementId, error.message]);
    expect(errors).toEqual([
      [
        'handle',
        'handle: dueDate "3 workdays" is not a date, an ISO duration (P3D) or a business duration (P3WD, PT4WH, 3 working days)',
      ],
      ['sla', 'sla: invalid timer value: P3WDT2WH'],
      ['remind', 'remind: timer cycle R3/P1WD: a cycle repeats in calendar time, not business time'],
    ]);
  });
});
