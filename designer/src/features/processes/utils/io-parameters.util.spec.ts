import { describe, expect, it } from '@jest/globals';
import type { ModdleElement } from './bpmn-model.types.js';
import {
  ioKey,
  ioRowProblems,
  ioToWrite,
  otherThanInputOutput,
  readIoParameters,
  valueProblem,
} from './io-parameters.util.js';

/** A generic element as moddle reads an unknown `camunda:*` element: attributes as properties, `$body`, `$children`. */
function generic(
  type: string,
  properties: Record<string, unknown> = {},
  extra: { $body?: string; $children?: ModdleElement[] } = {},
): ModdleElement {
  return {
    $type: type,
    $attrs: {},
    ...properties,
    ...extra,
    get: (name: string) => properties[name],
    set: () => undefined,
  };
}

describe(readIoParameters.name, () => {
  it('should read the inputs and outputs of every camunda:inputOutput, with values from the body', () => {
    // given an element with two inputOutput blocks, one parameter holding a camunda:list
    const list = generic('camunda:list');
    const values = [
      generic('camunda:in', { variables: 'all' }),
      generic(
        'camunda:inputOutput',
        {},
        {
          $children: [
            generic('camunda:inputParameter', { name: 'resident' }, { $body: '${residentId}' }),
            generic('camunda:outputParameter', { name: 'score' }, { $body: '={"var":"total"}' }),
          ],
        },
      ),
      generic(
        'camunda:InputOutput',
        {},
        {
          $children: [
            generic('camunda:inputParameter', { name: 'empty' }),
            generic('camunda:inputParameter', { name: 'rooms' }, { $children: [list] }),
          ],
        },
      ),
    ];

    // when read
    const io = readIoParameters(values);

    // then both blocks are read in order, an empty body is '' and the list is kept as a definition
    expect(io).toEqual({
      inputs: [
        { name: 'resident', value: '${residentId}' },
        { name: 'empty', value: '' },
        { name: 'rooms', value: '', definition: list },
      ],
      outputs: [{ name: 'score', value: '={"var":"total"}' }],
    });
    expect(otherThanInputOutput(values).map((value) => value.$type)).toEqual(['camunda:in']);
  });
});

describe(ioToWrite.name, () => {
  it('should write inputs first, trimmed names, values as typed, and skip rows without a name', () => {
    // given rows as the panel edits them
    const io = {
      inputs: [
        { name: ' careLevel ', value: ' 2 ' },
        { name: '', value: 'dropped' },
      ],
      outputs: [{ name: 'approved', value: '${ok}' }],
    };

    // when written, then the empty-named row is left out and the literal keeps its spaces
    expect(ioToWrite(io)).toEqual([
      { direction: 'input', name: 'careLevel', value: ' 2 ' },
      { direction: 'output', name: 'approved', value: '${ok}' },
    ]);
    // and an unsaved empty row does not change what is written
    expect(ioKey(io)).toBe(ioKey({ ...io, outputs: [...io.outputs, { name: '', value: '' }] }));
    expect(ioKey(io)).not.toBe(ioKey({ ...io, outputs: [] }));
  });
});

describe(valueProblem.name, () => {
  it('should accept what the engine evaluates and explain what it refuses', () => {
    // given values a designer might type, then literals, variables and valid JSON Logic pass
    expect(valueProblem('3', 'zh-CN')).toBeNull();
    expect(valueProblem('${resident.name}', 'zh-CN')).toBeNull();
    expect(valueProblem('={"+":[{"var":"a"},1]}', 'zh-CN')).toBeNull();
    // and JUEL, negation outside conditions, bad JSON and unknown operations are refused
    expect(valueProblem('${a + 1}', 'zh-CN')).toEqual({ key: 'pe.value.unsupported' });
    expect(valueProblem('#{a}', 'en')).toEqual({ key: 'pe.value.unsupported' });
    expect(valueProblem('${!done}', 'zh-CN')).toEqual({ key: 'pe.value.negation' });
    expect(valueProblem('={"var":', 'zh-CN')).toEqual({ key: 'pe.value.notJson' });
    expect(valueProblem('={"nope":[1]}', 'en')).toMatchObject({ key: 'pe.value.logic' });
  });
});

describe(ioRowProblems.name, () => {
  it('should point at missing, invalid and repeated names, definitions and bad values', () => {
    // given rows with one problem each (and one fine row, and one empty row just added)
    const rows = [
      { name: 'ok', value: '${a}' },
      { name: '', value: '' },
      { name: '', value: 'x' },
      { name: 'has space', value: '1' },
      { name: 'twice', value: '1' },
      { name: 'twice', value: '2' },
      { name: 'list', value: '', definition: generic('camunda:list') },
      { name: '评估分', value: '${a - 1}' },
    ];

    // when checked, then each row gets its own message key
    expect(ioRowProblems(rows, 'zh-CN').map((problem) => problem?.key ?? null)).toEqual([
      null,
      null,
      'pe.io.nameRequired',
      'pe.io.nameInvalid',
      'pe.io.nameDuplicate',
      'pe.io.nameDuplicate',
      'pe.io.definition',
      'pe.value.unsupported',
    ]);
  });
});
