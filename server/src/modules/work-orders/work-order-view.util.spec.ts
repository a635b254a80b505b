import { describe, expect, it } from '@jest/globals';
import {
  businessKeyOf,
  familyIntakeData,
  slaClockOf,
  timelineOf,
  withoutPaths,
  workOrderStatusOf,
} from './work-order-view.util.js';

describe('work-order-view.util', () => {
  it('should key a work order by tenant-local day and sequence', () => {
    expect(businessKeyOf('20350305', 7)).toBe('TS-20350305-0007');
    expect(() => businessKeyOf('2035-03-05', 1)).toThrow();
  });

  it('should derive the status people understand from the instance', () => {
    expect(workOrderStatusOf('active', false)).toBe('open');
    expect(workOrderStatusOf('active', true)).toBe('awaiting-callback');
    expect(workOrderStatusOf('completed', false)).toBe('closed');
    expect(workOrderStatusOf('cancelled', true)).toBe('cancelled');
  });

  it('should run, overrun, meet or miss a deadline', () => {
    const due = new Date('2035-03-05T03:00:00Z');
    expect(slaClockOf(due, null, new Date('2035-03-05T02:00:00Z'), false)).toMatchObject({
      state: 'running',
      remainingMs: 3_600_000,
    });
    expect(slaClockOf(due, null, new Date('2035-03-05T04:00:00Z'), true)).toMatchObject({
      state: 'overdue',
      overdueMs: 3_600_000,
      businessTime: true,
    });
    expect(
      slaClockOf(due, new Date('2035-03-05T02:30:00Z'), new Date('2035-03-09T00:00:00Z'), false).state,
    ).toBe('met');
    expect(slaClockOf(due, new Date('2035-03-05T03:30:00Z'), new Date(), false).state).toBe('missed');
    expect(slaClockOf(null, null, new Date(), false).state).toBe('none');
  });

  it('should force the family portal channel and default the complainant for a family filing', () => {
    const schema = {
      properties: {
        channel: { oneOf: [{ const: 'phone' }, { const: 'family-portal' }] },
        filedBy: { oneOf: [{ const: 'family' }, { const: 'staff' }] },
      },
    };
    expect(familyIntakeData(schema, { channel: 'phone' }, '刘女士')).toEqual({
      channel: 'family-portal',
      filedBy: 'family',
      complainantName: '刘女士',
    });
    expect(familyIntakeData({}, { channel: 'phone', complainantName: '张' }, '刘女士')).toEqual({
      channel: 'phone',
      complainantName: '张',
    });
  });

  it('should leave sensitive values out by JSON pointer', () => {
    expect(withoutPaths({ a: 1, phone: 'x', c: { phone: 'y', d: 2 } }, ['/phone', '/c/phone'])).toEqual({
      a: 1,
      c: { d: 2 },
    });
  });

  it('should hide staff names, approval moves and escalations from a family member', () => {
    const at = new Date('2035-03-05T02:00:00Z');
    const rows = [
      { at, elementId: 'start', elementType: 'startEvent', event: 'entered' },
      { at, elementId: 'route', elementType: 'exclusiveGateway', event: 'entered' },
      { at, elementId: 'firstResponse', elementType: 'userTask', event: 'entered' },
      { at, elementId: 'notifyFirstResponseLate', elementType: 'serviceTask', event: 'entered' },
      {
        at,
        elementId: 'firstResponse',
        elementType: 'userTask',
        event: 'transferred',
        actorId: 'u1',
        actorName: 'logistics',
        reason: 'on leave',
      },
      {
        at,
        elementId: 'firstResponse',
        elementType: 'userTask',
        event: 'completed',
        actorId: 'u2',
        actorName: 'logistics2',
        details: { taskId: 't1' },
      },
      { at, elementId: 'handleStart', elementType: 'startEvent', event: 'entered' },
      { at, elementId: 'handleEnd', elementType: 'endEvent', event: 'entered' },
      { at, elementId: 'closed', elementType: 'endEvent', event: 'entered' },
    ];
    const staff = timelineOf(rows, { family: false, userId: 'u9' }).map((e) => e.kind);
    expect(staff).toEqual([
      'filed',
      'step-opened',
      'escalated',
      'approval',
      'step-done',
      'resolved',
      'closed',
    ]);
    const family = timelineOf(rows, { family: true, userId: 'u9' });
    expect(family.map((e) => e.kind)).toEqual(['filed', 'step-opened', 'step-done', 'resolved', 'closed']);
    expect(family.find((e) => e.kind === 'step-done')).toMatchObject({ actorName: null, taskId: 't1' });
  });
});
