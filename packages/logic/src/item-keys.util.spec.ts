import { describe, expect, it } from '@jest/globals';
import { evaluate } from './evaluate.util.js';
import { itemKeysRead, rootPathsRead } from './item-keys.util.js';

const WINDOW = { var: 'context.recent' };

const recent = [
  { adlTotal: -5, bp: { systolic: 150 }, weight: 52, note: 'a', score: 3 },
  { adlTotal: -2, bp: { systolic: 145 }, weight: 53, note: 'b', score: 4 },
  { adlTotal: 60, bp: { systolic: 120 }, weight: 55, note: 'c', score: 5 },
];
const data = { record: { weight: 50, field: 'weight' }, context: { recent, other: [{ x: 1 }] } };

/** The data with each window item cut down to `keys`. */
const projected = (keys: string[]) => ({
  ...data,
  context: {
    ...data.context,
    recent: recent.map((item) =>
      Object.fromEntries(Object.entries(item).filter(([key]) => keys.includes(key))),
    ),
  },
});

describe(itemKeysRead.name, () => {
  it.each([
    [
      'a run of matching items',
      { '>=': [{ consecutive: [WINDOW, { '<': [{ var: 'adlTotal' }, 0] }] }, 2] },
      ['adlTotal'],
    ],
    [
      'an aggregate over a nested field and a count',
      {
        and: [{ '>': [{ avg: [WINDOW, 'bp.systolic'] }, 140] }, { '>=': [{ count: [WINDOW] }, 2] }],
      },
      ['bp', 'systolic'],
    ],
    ['an item by index', { '<': [{ var: 'record.weight' }, { var: 'context.recent.0.weight' }] }, ['weight']],
    [
      'a reduce over the items',
      { '>': [{ reduce: [WINDOW, { '+': [{ var: 'accumulator' }, { var: 'current.score' }] }, 0] }, 10] },
      ['accumulator', 'current', 'score'],
    ],
    [
      'filtered items mapped',
      { in: [60, { map: [{ filter: [WINDOW, { '>': [{ var: 'adlTotal' }, 0] }] }, { var: 'adlTotal' }] }] },
      ['adlTotal'],
    ],
    [
      'lists of filtered items read by index',
      { in: [53, { map: [[{ filter: [WINDOW, { '<': [{ var: 'adlTotal' }, 0] }] }], { var: '1.weight' }] }] },
      ['1', 'adlTotal', 'weight'],
    ],
    [
      'missing keys inside per-item logic',
      { some: [WINDOW, { missing: ['note', 'gone'] }] },
      ['gone', 'note'],
    ],
    [
      'another window and the record only',
      { '>': [{ count: [{ var: 'context.other' }] }, { var: 'record.weight' }] },
      [],
    ],
  ])('should name the keys an expression reads: %s', (_name, logic, keys) => {
    // given an expression over the window

    // when its keys are read
    const read = itemKeysRead(logic, 'context.recent');

    // then they are named, and the expression answers the same on items cut down to them
    expect(read).toEqual(keys);
    expect(evaluate(logic, projected(keys))).toEqual(evaluate(logic, data));
  });

  it.each([
    ['the list compared as a value', { '==': [WINDOW, []] }],
    ['the list merged', { count: [{ merge: [WINDOW] }] }],
    ['an item whole', { '==': [{ var: 'context.recent.0' }, null] }],
    ['a property of the list', { '>': [{ var: 'context.recent.length' }, 1] }],
    ['the context whole', { '!!': [{ var: 'context' }] }],
    ['the whole data', { '!!': [{ var: '' }] }],
    ['an item whole in per-item logic', { map: [WINDOW, { var: '' }] }],
    ['the current item of a reduce', { reduce: [WINDOW, { var: 'current' }, null] }],
    ['a computed path', { var: { cat: ['context.recent.0.', 'weight'] } }],
    ['computed missing keys', { some: [WINDOW, { missing: { merge: [['note']] } }] }],
    ['a computed aggregate field', { sum: [WINDOW, { var: 'record.field' }] }],
    ['an unknown operation', { frobnicate: [WINDOW] }],
  ])('should answer null when items may be seen whole: %s', (_name, logic) => {
    expect(itemKeysRead(logic, 'context.recent')).toBeNull();
  });
});

describe(rootPathsRead.name, () => {
  it('should list the root paths an expression reads, not what its per-item logic reads of the items', () => {
    expect(
      rootPathsRead({
        and: [
          { '<': [{ var: 'record.pulse' }, 50] },
          { some: [{ var: 'record.meds' }, { '==': [{ var: 'name' }, 'x'] }] },
          { missing: ['event.type'] },
          { '>': [{ sum: [{ var: 'context.recent' }, 'pulse'] }, 0] },
        ],
      }),
    ).toEqual(['context.recent', 'event.type', 'record.meds', 'record.pulse']);
  });

  it.each([
    ['the whole data', { '!!': [{ var: '' }] }],
    ['a computed path', { var: { cat: ['record.', 'pulse'] } }],
    ['computed missing keys', { missing: { merge: [['record.pulse']] } }],
    ['an unknown operation', { frobnicate: [1] }],
  ])('should answer null when it may read anything: %s', (_name, logic) => {
    expect(rootPathsRead(logic)).toBeNull();
  });
});
