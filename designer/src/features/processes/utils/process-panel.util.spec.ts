import { describe, expect, it } from '@jest/globals';
import type { ModdleElement } from './bpmn-model.types.js';
import {
  callMappingsKey,
  countersignSentence,
  knownTotal,
  loopProblems,
  loopSentence,
  loopSourceKind,
  mappingsToWrite,
  messageId,
  otherExtensionValues,
  planMessage,
  readCallMappings,
  readCountersign,
  readSigners,
  writeCountersign,
  writeSigners,
} from './process-panel.util.js';

/** A moddle element with plain properties (as generic `camunda:in` elements are read). */
function element(type: string, properties: Record<string, unknown> = {}): ModdleElement {
  const value = {
    $type: type,
    $attrs: {},
    ...properties,
    get: (name: string) => properties[name],
    set: () => undefined,
  };
  return value;
}

describe(readCountersign.name, () => {
  it('should read the modes the engine accepts and refuse the rest', () => {
    expect(readCountersign('all')).toEqual({ mode: 'all' });
    expect(readCountersign(' sequential ')).toEqual({ mode: 'sequential' });
    expect(readCountersign('percent:60')).toEqual({ mode: 'percent', percent: 60 });
    expect(readCountersign('percent:0')).toBeNull();
    expect(readCountersign('percent:101')).toBeNull();
    expect(readCountersign('majority')).toBeNull();
    expect(readCountersign('')).toBeNull();
  });
});

describe(writeCountersign.name, () => {
  it('should write the attribute text, keeping a percentage within 1–100', () => {
    expect(writeCountersign({ mode: 'any' })).toBe('any');
    expect(writeCountersign({ mode: 'percent', percent: 60 })).toBe('percent:60');
    expect(writeCountersign({ mode: 'percent', percent: 150 })).toBe('percent:100');
    expect(writeCountersign({ mode: 'percent', percent: 0.2 })).toBe('percent:1');
  });
});

describe(readSigners.name, () => {
  it('should tell a list variable, fixed user names and other expressions apart', () => {
    expect(readSigners('${signers}')).toEqual({ kind: 'variable', name: 'signers' });
    expect(readSigners('=["alice","bob"]')).toEqual({ kind: 'users', users: ['alice', 'bob'] });
    expect(readSigners('={"var":"team.members"}')).toEqual({
      kind: 'expression',
      text: '={"var":"team.members"}',
    });
    expect(readSigners('')).toEqual({ kind: 'variable', name: '' });
  });
});

describe(writeSigners.name, () => {
  it('should write ${var} or a JSON Logic array of distinct names, and nothing when empty', () => {
    expect(writeSigners({ kind: 'variable', name: ' signers ' })).toBe('${signers}');
    expect(writeSigners({ kind: 'users', users: ['alice', ' bob', 'alice', ''] })).toBe('=["alice","bob"]');
    expect(writeSigners({ kind: 'users', users: [] })).toBe('');
    expect(writeSigners({ kind: 'variable', name: '' })).toBe('');
  });
});

describe(countersignSentence.name, () => {
  it('should say how many approvals pass when the signers are known', () => {
    expect(countersignSentence({ mode: 'percent', percent: 60 }, 3)).toEqual({
      key: 'pe.sign.sentence.percentKnown',
      params: { total: 3, percent: 60, needed: 2 },
    });
    expect(countersignSentence({ mode: 'percent', percent: 60 }, null)).toEqual({
      key: 'pe.sign.sentence.percentUnknown',
      params: { percent: 60 },
    });
    expect(countersignSentence({ mode: 'any' }, 0).key).toBe('pe.sign.sentence.anyUnknown');
    expect(countersignSentence({ mode: 'all' }, 4)).toEqual({
      key: 'pe.sign.sentence.allKnown',
      params: { total: 4 },
    });
  });
});

describe(planMessage.name, () => {
  const reply = element('bpmn:Message', { id: 'Message_reply', name: 'family-reply' });
  const visit = element('bpmn:Message', { id: 'Message_visit', name: 'visit-booked' });

  it('should refer to a message that already has the name', () => {
    expect(planMessage('visit-booked', reply, [reply, visit], 1)).toEqual({ action: 'use', message: visit });
  });

  it('should rename the event own message, but create one when other events share it', () => {
    expect(planMessage('family-answer', reply, [reply, visit], 1)).toEqual({
      action: 'rename',
      message: reply,
    });
    expect(planMessage('family-answer', reply, [reply, visit], 2)).toEqual({
      action: 'create',
      id: 'Message_family-answer',
    });
    expect(planMessage('new one', undefined, [reply], 0)).toEqual({
      action: 'create',
      id: 'Message_new_one',
    });
  });

  it('should do nothing for the same name and clear the reference for an empty one', () => {
    expect(planMessage(' family-reply ', reply, [reply], 1)).toEqual({ action: 'none' });
    expect(planMessage('', reply, [reply], 1)).toEqual({ action: 'clear' });
    expect(planMessage('  ', undefined, [reply], 0)).toEqual({ action: 'none' });
  });
});

describe(messageId.name, () => {
  it('should pick a free id', () => {
    const taken = [
      element('bpmn:Message', { id: 'Message_x' }),
      element('bpmn:Message', { id: 'Message_x_2' }),
    ];
    expect(messageId('x', taken)).toBe('Message_x_3');
    expect(messageId('家属回复', [])).toBe('Message_message');
    expect(messageId('!!', [])).toBe('Message_message');
  });
});

describe(readCallMappings.name, () => {
  it('should read all-variables and source → target mappings of both directions', () => {
    const values = [
      element('camunda:in', { variables: 'all' }),
      element('camunda:In', { source: 'residentId', target: 'resident' }),
      element('camunda:in', { sourceExpression: '${roomNo}', target: 'room' }),
      element('camunda:out', { source: 'score', target: 'familyScore' }),
      element('camunda:inputOutput'),
    ];
    expect(readCallMappings(values)).toEqual({
      inAll: true,
      outAll: false,
      in: [
        { source: 'residentId', target: 'resident' },
        { source: '${roomNo}', target: 'room' },
      ],
      out: [{ source: 'score', target: 'familyScore' }],
    });
    expect(otherExtensionValues(values).map((value) => value.$type)).toEqual(['camunda:inputOutput']);
  });
});

describe(mappingsToWrite.name, () => {
  it('should write all first, expressions as sourceExpression, the source as target by default, and skip empty rows', () => {
    expect(
      mappingsToWrite({
        inAll: false,
        outAll: true,
        in: [
          { source: 'residentId', target: '' },
          { source: '={"var":"a"}', target: 'b' },
          { source: ' ', target: 'ignored' },
        ],
        out: [{ source: 'score', target: 'familyScore' }],
      }),
    ).toEqual([
      { direction: 'in', attributes: { source: 'residentId', target: 'residentId' } },
      { direction: 'in', attributes: { sourceExpression: '={"var":"a"}', target: 'b' } },
      { direction: 'out', attributes: { variables: 'all' } },
      { direction: 'out', attributes: { source: 'score', target: 'familyScore' } },
    ]);
  });
});

describe(callMappingsKey.name, () => {
  it('should be the same for drafts that write the same mappings', () => {
    // given written mappings and the same with an empty row being typed and a defaulted target
    const written = { inAll: true, outAll: false, in: [{ source: 'a', target: 'a' }], out: [] };
    const draft = {
      inAll: true,
      outAll: false,
      in: [
        { source: 'a', target: '' },
        { source: '', target: '' },
      ],
      out: [],
    };

    // then their keys are equal, and a real change differs
    expect(callMappingsKey(draft)).toBe(callMappingsKey(written));
    expect(callMappingsKey({ ...written, outAll: true })).not.toBe(callMappingsKey(written));
  });
});

describe(loopSourceKind.name, () => {
  it('should read the collection first, then the cardinality', () => {
    expect(loopSourceKind('${signers}', '3')).toBe('variable');
    expect(loopSourceKind('=["a"]', '')).toBe('users');
    expect(loopSourceKind('', ' 3 ')).toBe('count');
    expect(loopSourceKind('', '')).toBeNull();
    expect(knownTotal('=["a","b"]', '')).toBe(2);
    expect(knownTotal('', '4')).toBe(4);
    expect(knownTotal('', '${n}')).toBeNull();
    expect(knownTotal('${signers}', '')).toBeNull();
  });
});

describe(loopProblems.name, () => {
  const base = { collection: '', cardinality: '', elementVariable: '', outputCollection: '', assignee: '' };
  const keys = (settings: Partial<typeof base>) =>
    loopProblems({ ...base, ...settings }, 'zh-CN').map((problem) => problem.key);

  it('should need a source, and check counts and expressions as the engine does', () => {
    expect(keys({})).toEqual(['pe.mi.needSource']);
    expect(keys({ cardinality: '3' })).toEqual([]);
    expect(keys({ cardinality: '${nurseCount}' })).toEqual([]);
    expect(keys({ cardinality: '1001' })).toEqual(['pe.mi.tooMany']);
    expect(keys({ cardinality: 'three' })).toEqual(['pe.mi.countInvalid']);
    expect(keys({ cardinality: '${a+b}' })).toEqual(['pe.value.unsupported']);
    expect(keys({ collection: '${signers}' })).toEqual([]);
    expect(keys({ collection: '={"bad":1}' })).toEqual(['pe.value.logic']);
  });

  it('should warn of an assignee reading an element variable a count does not set, and check the output name', () => {
    expect(keys({ cardinality: '2', elementVariable: 'signer', assignee: '${signer}' })).toEqual([
      'pe.mi.assigneeNeedsList',
    ]);
    expect(keys({ collection: '${signers}', elementVariable: 'signer', assignee: '${signer}' })).toEqual([]);
    expect(keys({ collection: '${signers}', outputCollection: 'reviews' })).toEqual([]);
    expect(keys({ collection: '${signers}', outputCollection: 'my reviews' })).toEqual([
      'pe.mi.outputInvalid',
    ]);
  });
});

describe(loopSentence.name, () => {
  it('should read the countersign mode, or say that all must complete without one', () => {
    expect(loopSentence({ mode: 'any' }, false, 3)?.key).toBe('pe.sign.sentence.anyKnown');
    expect(loopSentence(null, false, 3)).toEqual({
      key: 'pe.mi.sentence.allDoneKnown',
      params: { total: 3 },
    });
    expect(loopSentence(null, false, null)).toEqual({ key: 'pe.mi.sentence.allDoneUnknown', params: {} });
    expect(loopSentence(null, true, 3)).toBeNull();
  });
});
