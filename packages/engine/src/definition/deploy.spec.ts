import { describe, expect, it } from '@jest/globals';
import { bpmn, flow, NAMESPACES } from '../__fixtures__/harness.util.js';
import { readFixture } from '../__fixtures__/read-fixture.js';
import { deployBpmn } from './deploy.util.js';

const errorsOf = async (
  xml: string,
  options = {},
): Promise<{ elementId: string | null; message: string }[]> => {
  const result = await deployBpmn(xml, options);
  if (result.ok) {
    throw new Error('expected the deploy to fail');
  }
  for (const error of result.errors) {
    expect(error.messages.en.length).toBeGreaterThan(0);
    expect(error.messages['zh-CN'].length).toBeGreaterThan(0);
  }
  return result.errors.map(({ elementId, message }) => ({ elementId, message }));
};

const SIMPLE = `<bpmn:startEvent id="start" /><bpmn:endEvent id="end" />${flow('f1', 'start', 'end')}`;

describe(deployBpmn.name, () => {
  it('should compile a minimal process into plain JSON', async () => {
    const result = await deployBpmn(bpmn(SIMPLE));
    expect(result.ok).toBe(true);
    if (result.ok) {
      const [definition] = result.processes;
      expect(JSON.parse(JSON.stringify(definition))).toEqual(definition);
      expect(definition?.startEvents).toEqual({ none: 'start', timers: [], messages: [] });
      expect(definition?.elements['start']?.outgoing).toEqual(['f1']);
    }
  });

  it('should refuse DOCTYPE and ENTITY before parsing', async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>${bpmn(SIMPLE).replace(/^<\?xml[^>]*>/, '')}`;
    expect(await errorsOf(xml)).toEqual([
      { elementId: null, message: 'DOCTYPE and ENTITY declarations are not allowed' },
    ]);
  });

  it('should refuse XML above the size limit', async () => {
    expect((await errorsOf(bpmn(SIMPLE), { maxBytes: 100 }))[0]?.message).toMatch(/larger than 100/);
  });

  it('should refuse duplicate ids', async () => {
    const errors = await errorsOf(bpmn(`${SIMPLE}<bpmn:endEvent id="end" />`));
    expect(errors.some((e) => e.elementId === 'end' && /duplicate ID/.test(e.message))).toBe(true);
  });

  it('should refuse unknown and unsupported BPMN elements by name', async () => {
    const unknown = await errorsOf(bpmn(`${SIMPLE}<bpmn:fancyGateway id="g" />`));
    expect(unknown.some((e) => /FancyGateway/.test(e.message))).toBe(true);
    const complex = await errorsOf(bpmn(`${SIMPLE}<bpmn:complexGateway id="cg" />`));
    expect(complex).toEqual([{ elementId: 'cg', message: 'cg: unsupported BPMN element complexGateway' }]);
    const script = await errorsOf(bpmn(`${SIMPLE}<bpmn:scriptTask id="st" />`));
    expect(script[0]?.message).toMatch(/scriptTask/);
    const signal = await errorsOf(
      bpmn(
        `${SIMPLE}<bpmn:intermediateCatchEvent id="sig"><bpmn:signalEventDefinition /></bpmn:intermediateCatchEvent>`,
      ),
    );
    expect(signal[0]?.message).toMatch(/signalEventDefinition/);
  });

  it('should refuse unknown attributes in the BPMN namespace but ignore other namespaces', async () => {
    const bad = await errorsOf(
      bpmn(SIMPLE).replace('<bpmn:startEvent id="start"', '<bpmn:startEvent id="start" bogus="1"'),
    );
    expect(bad[0]?.message).toMatch(/unknown attribute <bogus>/);
    const foreign = bpmn(SIMPLE)
      .replace('id="defs"', 'id="defs" xmlns:vendor="http://vendor.example/x"')
      .replace('<bpmn:startEvent id="start"', '<bpmn:startEvent id="start" vendor:color="red"')
      .replace(
        '<bpmn:endEvent id="end" />',
        '<bpmn:endEvent id="end"><bpmn:extensionElements><vendor:meta a="1" /></bpmn:extensionElements></bpmn:endEvent>',
      );
    expect((await deployBpmn(foreign)).ok).toBe(true);
  });

  it('should refuse a flow with a missing target', async () => {
    const errors = await errorsOf(bpmn(`${SIMPLE}${flow('dangling', 'start', 'nowhere')}`));
    expect(errors.some((e) => e.elementId === 'dangling')).toBe(true);
  });

  it('should refuse gateways that can get stuck', async () => {
    const withoutDefault = bpmn(
      `<bpmn:startEvent id="start" /><bpmn:exclusiveGateway id="g" /><bpmn:endEvent id="a" /><bpmn:endEvent id="b" />
       ${flow('f0', 'start', 'g')}${flow('fa', 'g', 'a', '${x}')}${flow('fb', 'g', 'b', '${!x}')}`,
    );
    expect((await errorsOf(withoutDefault))[0]?.message).toMatch(/needs a default flow/);
    const bare = bpmn(
      `<bpmn:startEvent id="start" /><bpmn:inclusiveGateway id="g" /><bpmn:endEvent id="a" /><bpmn:endEvent id="b" />
       ${flow('f0', 'start', 'g')}${flow('fa', 'g', 'a', '${x}')}${flow('fb', 'g', 'b')}`,
    );
    expect((await errorsOf(bare))[0]).toEqual({
      elementId: 'g',
      message: 'g: outgoing flows without a condition that are not the default: fb',
    });
  });

  it('should refuse conditions that are neither JSON Logic nor ${var}', async () => {
    const xml = bpmn(
      `<bpmn:startEvent id="start" /><bpmn:exclusiveGateway id="g" default="fb" /><bpmn:endEvent id="a" /><bpmn:endEvent id="b" />
       ${flow('f0', 'start', 'g')}${flow('fa', 'g', 'a', '${x > 3}')}${flow('fb', 'g', 'b')}`,
    );
    expect((await errorsOf(xml))[0]?.elementId).toBe('fa');
    const unknownOp = bpmn(
      `<bpmn:startEvent id="start" /><bpmn:exclusiveGateway id="g" default="fb" /><bpmn:endEvent id="a" /><bpmn:endEvent id="b" />
       ${flow('f0', 'start', 'g')}${flow('fa', 'g', 'a', '{"eval":["x"]}')}${flow('fb', 'g', 'b')}`,
    );
    expect((await errorsOf(unknownOp))[0]?.elementId).toBe('fa');
  });

  it('should refuse bad timers and cycles beyond the limits', async () => {
    const withTimer = (kind: string, value: string): string =>
      bpmn(
        `<bpmn:startEvent id="start" /><bpmn:intermediateCatchEvent id="t"><bpmn:timerEventDefinition><bpmn:${kind}>${value}</bpmn:${kind}></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent><bpmn:endEvent id="end" />
         ${flow('f0', 'start', 't')}${flow('f1', 't', 'end')}`,
      );
    expect((await errorsOf(withTimer('timeDuration', 'three days')))[0]?.elementId).toBe('t');
    expect((await errorsOf(withTimer('timeDate', '2026-13-01')))[0]?.elementId).toBe('t');
    expect((await errorsOf(withTimer('timeCycle', 'R999999/PT0S')))[0]?.message).toMatch(
      /more than the limit/,
    );
    expect((await errorsOf(withTimer('timeCycle', 'R5/PT0S')))[0]?.message).toMatch(
      /shorter than the minimum/,
    );
    expect((await errorsOf(withTimer('timeCycle', 'R/P1D')))[0]?.message).toMatch(/unbounded/);
    expect((await deployBpmn(withTimer('timeCycle', 'R3/2026-01-01T09:00:00+08:00/P1D'))).ok).toBe(true);
  });

  it('should refuse an event-based gateway followed by a task', async () => {
    const xml = bpmn(
      `<bpmn:startEvent id="start" /><bpmn:eventBasedGateway id="g" /><bpmn:userTask id="a" /><bpmn:userTask id="b" />
       ${flow('f0', 'start', 'g')}${flow('fa', 'g', 'a')}${flow('fb', 'g', 'b')}`,
    );
    expect((await errorsOf(xml))[0]?.elementId).toBe('g');
  });

  it('should refuse a process without a start event and warn about unreachable elements', async () => {
    expect((await errorsOf(bpmn('<bpmn:endEvent id="end" />')))[0]?.message).toMatch(/no start event/);
    const result = await deployBpmn(bpmn(`${SIMPLE}<bpmn:userTask id="island" />`));
    expect(result.ok && result.warnings.map((w) => w.elementId)).toEqual(['island']);
  });

  it('should enforce the element count and sub-process depth limits', async () => {
    expect((await errorsOf(bpmn(SIMPLE), { maxElements: 2 }))[0]?.message).toMatch(/more than 2 elements/);
    const nested = bpmn(
      `<bpmn:startEvent id="start" />
       <bpmn:subProcess id="s1"><bpmn:startEvent id="s1s" /><bpmn:subProcess id="s2"><bpmn:startEvent id="s2s" /></bpmn:subProcess>${flow('x1', 's1s', 's2')}</bpmn:subProcess>
       ${flow('f0', 'start', 's1')}`,
    );
    expect((await errorsOf(nested, { maxDepth: 1 }))[0]?.elementId).toBe('s2');
  });

  it('should skip non-executable pools with a warning', async () => {
    const xml = `<?xml version="1.0"?><bpmn:definitions ${NAMESPACES} id="d" targetNamespace="x">
      <bpmn:collaboration id="c"><bpmn:participant id="pa" processRef="p" /><bpmn:participant id="pb" processRef="q" /></bpmn:collaboration>
      <bpmn:process id="p" isExecutable="true">${SIMPLE}</bpmn:process>
      <bpmn:process id="q" isExecutable="false"><bpmn:startEvent id="qs" /></bpmn:process></bpmn:definitions>`;
    const result = await deployBpmn(xml);
    expect(result.ok && result.processes.map((p) => p.id)).toEqual(['p']);
    expect(result.ok && result.warnings.map((w) => w.elementId)).toEqual(['q']);
  });

  it('should refuse a business-rule task with invalid JSON Logic', async () => {
    const xml = bpmn(
      `<bpmn:startEvent id="start" /><bpmn:businessRuleTask id="r" careloom:decision="{&quot;nope&quot;:[1]}" careloom:resultVariable="x" />
       ${flow('f0', 'start', 'r')}`,
    );
    expect((await errorsOf(xml))[0]?.elementId).toBe('r');
  });
});

describe('templates', () => {
  it.each(['onboarding-30-day.bpmn', 'complaint-work-order.bpmn'])(
    'should deploy the Camunda Modeler style template %s with DI and no warnings',
    async (name) => {
      const result = await deployBpmn(readFixture(name));
      expect(result.ok && result.warnings).toEqual([]);
      expect(result.ok && result.processes).toHaveLength(1);
    },
  );
});
