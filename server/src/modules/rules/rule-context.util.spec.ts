import { describe, expect, it } from '@jest/globals';
import { firstItemGate, withPendingRecord, type WindowRecord } from './rule-context.util.js';

const at = (iso: string) => new Date(iso);
const row = (id: string, iso: string, data: Record<string, unknown> = {}): WindowRecord => ({
  id,
  createdAt: at(iso),
  data,
});
const window = { formKey: 'vitals', residentId: 'r1', since: at('2026-01-01T00:00:00Z'), limit: 3 };
const pending = (id: string, iso: string, extra: Partial<Parameters<typeof withPendingRecord>[1]> = {}) => ({
  ...row(id, iso, { pulse: 70 }),
  formKey: 'vitals',
  residentId: 'r1',
  ...extra,
});

describe(withPendingRecord.name, () => {
  it('should put the pending record first when it is the newest', () => {
    // given two older records
    const rows = [row('b', '2026-01-03T00:00:00Z'), row('a', '2026-01-02T00:00:00Z')];

    // when the pending record joins
    const merged = withPendingRecord(rows, pending('c', '2026-01-04T00:00:00Z'), window);

    // then it leads, with its data
    expect(merged.map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(merged[0]?.data).toEqual({ pulse: 70 });
  });

  it('should order ties in time by id descending when records share a created_at', () => {
    // given records at the same instant
    const rows = [row('9', '2026-01-02T00:00:00Z'), row('1', '2026-01-02T00:00:00Z')];

    // when a pending record with an id between them joins
    const merged = withPendingRecord(rows, pending('5', '2026-01-02T00:00:00Z'), window);

    // then it sits between them
    expect(merged.map((r) => r.id)).toEqual(['9', '5', '1']);
  });

  it('should keep at most limit records when the window is full', () => {
    // given a full window
    const rows = [
      row('c', '2026-01-04T00:00:00Z'),
      row('b', '2026-01-03T00:00:00Z'),
      row('a', '2026-01-02T00:00:00Z'),
    ];

    // when a newer record joins / an older one would
    const newer = withPendingRecord(rows, pending('d', '2026-01-05T00:00:00Z'), window);
    const older = withPendingRecord(rows, pending('0', '2026-01-01T00:00:00Z'), window);

    // then the oldest drops out / nothing changes
    expect(newer.map((r) => r.id)).toEqual(['d', 'c', 'b']);
    expect(older.map((r) => r.id)).toEqual(['c', 'b', 'a']);
  });

  it('should leave the window as read when the record is of another form, resident or before its start', () => {
    // given one record in the window
    const rows = [row('a', '2026-01-02T00:00:00Z')];

    // when records the query would not find are pending
    const results = [
      withPendingRecord(rows, pending('x', '2026-01-05T00:00:00Z', { formKey: 'other' }), window),
      withPendingRecord(rows, pending('x', '2026-01-05T00:00:00Z', { residentId: 'r2' }), window),
      withPendingRecord(rows, pending('x', '2025-12-31T23:59:59Z'), window),
    ];

    // then none joins
    expect(results.map((r) => r.map((x) => x.id))).toEqual([['a'], ['a'], ['a']]);
  });

  it('should give the data back as JSON when it held undefined values', () => {
    // given data with an undefined value
    const merged = withPendingRecord(
      [],
      { ...pending('a', '2026-01-02T00:00:00Z'), data: { pulse: 70, note: undefined } },
      window,
    );

    // then the key is gone, as JSONB stores it
    expect(Object.keys(merged[0]?.data ?? {})).toEqual(['pulse']);
  });

  it('should keep only the window keys of the pending data when the window names them', () => {
    // given a window read for the keys pulse and spo2 (only pulse filled) and nested data
    const merged = withPendingRecord(
      [],
      {
        ...pending('a', '2026-01-02T00:00:00Z'),
        data: { pulse: 70, note: 'x', bp: { sys: 120, dia: undefined } },
      },
      { ...window, keys: ['pulse', 'spo2', 'bp'] },
    );

    // then the other keys are gone, an absent one stays absent, and the kept values went through JSON
    expect(merged[0]?.data).toEqual({ pulse: 70, bp: { sys: 120 } });
    expect(Object.keys(merged[0]?.data.bp as object)).toEqual(['sys']);
  });
});

describe(firstItemGate.name, () => {
  const low = { '<': [{ var: 'pulse' }, 50] };
  const run = { consecutive: [{ var: 'context.recent' }, low] };

  it.each([
    ['at least k in a run', { '>=': [run, 3] }],
    ['more than none', { '>': [run, 0] }],
    ['k at most the run', { '<=': [2, run] }],
    ['fewer than the run', { '<': [0, run] }],
    ['exactly two', { '==': [run, 2] }],
    ['the first of an and', { and: [{ '>=': [run, 2] }, { '>': [{ var: 'record.pulse' }, 0] }] }],
  ])('should find the gate when the run must be at least one long: %s', (_name, condition) => {
    expect(firstItemGate(condition)).toEqual({ window: 'recent', itemCondition: low });
  });

  it.each([
    ['a run that may be empty', { '>=': [run, 0] }],
    ['at most k', { '<=': [run, 3] }],
    ['a run not first in the and', { and: [{ '>': [{ var: 'record.pulse' }, 0] }, { '>=': [run, 2] }] }],
    ['an or', { or: [{ '>=': [run, 2] }, true] }],
    ['a computed bound', { '>=': [run, { var: 'record.k' }] }],
    ['a run over something else', { '>=': [{ consecutive: [{ var: 'record.list' }, low] }, 2] }],
    ['a count', { '>=': [{ count: [{ var: 'context.recent' }] }, 2] }],
  ])('should find none otherwise: %s', (_name, condition) => {
    expect(firstItemGate(condition)).toBeNull();
  });
});
