import { describe, expect, it } from '@jest/globals';
import { bpmn, deployOne, Driver, effectsOf, flow } from '../__fixtures__/harness.util.js';
import { deployBpmn } from './deploy.util.js';
import { countersignPassed, parseCountersign } from './countersign.util.js';

const countersign = (mode: string, sequential = false, extra = ''): string =>
  bpmn(
    `<bpmn:startEvent id="start" />
     <bpmn:userTask id="sign" camunda:assignee="\${signer}">
       <bpmn:multiInstanceLoopCharacteristics isSequential="${sequential}" camunda:collection="\${signers}" camunda:elementVariable="signer" careloom:countersign="${mode}">${extra}</bpmn:multiInstanceLoopCharacteristics>
     </bpmn:userTask>
     <bpmn:userTask id="after" />
     ${flow('f1', 'start', 'sign')}${flow('f2', 'sign', 'after')}`,
  );

/** Completes the open `sign` task of `assignee` with a vote. */
const vote = (driver: Driver, assignee: string, approved: boolean) => {
  const task = effectsOf(driver.log, 'create-task')
    .filter((effect) => effect.elementId === 'sign' && effect.assignee === assignee)
    .map((effect) => effect.taskId)
    .find((taskId) => driver.openTasks('sign').includes(taskId));
  if (task === undefined) {
    throw new Error(`no open sign task for ${assignee}`);
  }
  return driver.step({ type: 'complete-task', taskId: task, output: { approved } });
};

describe('countersign', () => {
  it('should parse the four modes and refuse anything else', () => {
    expect(parseCountersign('all')).toEqual({ mode: 'all' });
    expect(parseCountersign(' any ')).toEqual({ mode: 'any' });
    expect(parseCountersign('sequential')).toEqual({ mode: 'sequential' });
    expect(parseCountersign('percent:60')).toEqual({ mode: 'percent', percent: 60 });
    expect(parseCountersign('percent:0')).toBeNull();
    expect(parseCountersign('percent:101')).toBeNull();
    expect(parseCountersign('most')).toBeNull();
  });

  it('should decide a percentage on the number of signers', () => {
    const rule = { mode: 'percent', percent: 60 } as const;
    expect(countersignPassed(rule, { approved: 3, rejected: 1, instances: 5 })).toBe(true);
    expect(countersignPassed(rule, { approved: 2, rejected: 2, instances: 4 })).toBe(false);
  });

  it('should refuse an unknown mode and a mode next to a completionCondition, naming the element', async () => {
    // given two broken countersigns
    const unknown = await deployBpmn(countersign('most'));
    const both = await deployBpmn(
      countersign('all', false, '<bpmn:completionCondition>{"==":[1,1]}</bpmn:completionCondition>'),
    );

    // then both are refused on the user task
    for (const result of [unknown, both]) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.errors[0]).toMatchObject({ elementId: 'sign', elementType: 'userTask' });
        expect(result.errors[0]?.message).toContain('careloom:countersign');
      }
    }
  });

  it('should end an all-countersign at the first rejection with approved = false', async () => {
    const driver = new Driver(await deployOne(countersign('all')));
    driver.start({ signers: ['zhang', 'li', 'wang'] });
    vote(driver, 'zhang', true);
    expect(driver.openTasks('after')).toEqual([]);
    const effects = vote(driver, 'li', false);
    expect(effectsOf(effects, 'cancel-task')).toHaveLength(1);
    expect(driver.openTasks('after')).toHaveLength(1);
    expect(driver.state?.variables['approved']).toBe(false);
  });

  it('should end an any-countersign at the first approval', async () => {
    const driver = new Driver(await deployOne(countersign('any')));
    driver.start({ signers: ['zhang', 'li'] });
    vote(driver, 'li', true);
    expect(driver.openTasks('after')).toHaveLength(1);
    expect(driver.state?.variables['approved']).toBe(true);
  });

  it('should run a sequential countersign one signer after the other', async () => {
    const driver = new Driver(await deployOne(countersign('sequential')));
    driver.start({ signers: ['zhang', 'li'] });
    expect(driver.openTasks('sign')).toHaveLength(1);
    vote(driver, 'zhang', true);
    expect(driver.openTasks('sign')).toHaveLength(1);
    vote(driver, 'li', true);
    expect(driver.openTasks('after')).toHaveLength(1);
    expect(driver.state?.variables['approved']).toBe(true);
  });

  it('should complete a 60 % countersign once 3 of 5 approve and cancel the rest', async () => {
    const driver = new Driver(await deployOne(countersign('percent:60')));
    driver.start({ signers: ['a', 'b', 'c', 'd', 'e'] });
    vote(driver, 'a', true);
    vote(driver, 'b', false);
    vote(driver, 'c', true);
    expect(driver.openTasks('after')).toEqual([]);
    const effects = vote(driver, 'd', true);
    expect(effectsOf(effects, 'cancel-task')).toHaveLength(1);
    expect(driver.state?.variables['approved']).toBe(true);
  });

  it('should fail a 60 % countersign as soon as rejections make 60 % impossible', async () => {
    const driver = new Driver(await deployOne(countersign('percent:60')));
    driver.start({ signers: ['a', 'b', 'c'] });
    vote(driver, 'a', false);
    expect(driver.openTasks('after')).toEqual([]);
    vote(driver, 'b', false);
    expect(driver.openTasks('after')).toHaveLength(1);
    expect(driver.state?.variables['approved']).toBe(false);
  });
});
