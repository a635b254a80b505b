import { describe, expect, it } from '@jest/globals';
import { bpmn, deployOne, Driver, effectsOf, flow } from '../__fixtures__/harness.util.js';
import { EngineError } from '../errors.js';

const countersign = (mode: string) =>
  bpmn(
    `<bpmn:startEvent id="start" />
     <bpmn:userTask id="sign" camunda:assignee="\${signer}">
       <bpmn:multiInstanceLoopCharacteristics camunda:collection="\${signers}" camunda:elementVariable="signer" careloom:countersign="${mode}" />
     </bpmn:userTask>
     <bpmn:userTask id="after" />
     ${flow('f1', 'start', 'sign')}${flow('f2', 'sign', 'after')}`,
  );

const taskOf = (driver: Driver, assignee: string): string => {
  const open = driver.openTasks('sign');
  const effect = effectsOf(driver.log, 'create-task').find(
    (item) => item.assignee === assignee && open.includes(item.taskId),
  );
  if (!effect) {
    throw new Error(`no open task for ${assignee}`);
  }
  return effect.taskId;
};

describe('add-instance', () => {
  it('should add a parallel signer at once and count it in a percentage', async () => {
    // given a 60 % countersign of three with one approval
    const driver = new Driver(await deployOne(countersign('percent:60')));
    driver.start({ signers: ['a', 'b', 'c'] });
    driver.step({ type: 'complete-task', taskId: taskOf(driver, 'a'), output: { approved: true } });

    // when b adds d
    const effects = driver.step({
      type: 'add-instance',
      taskId: taskOf(driver, 'b'),
      item: 'd',
      position: 'after',
    });

    // then d has a task numbered 4 of 4, and 3 of 4 approvals are needed (2 are not enough)
    expect(effectsOf(effects, 'create-task')).toEqual([
      expect.objectContaining({ assignee: 'd', multiInstance: { index: 3, total: 4 } }),
    ]);
    driver.step({ type: 'complete-task', taskId: taskOf(driver, 'd'), output: { approved: true } });
    expect(driver.openTasks('after')).toEqual([]);
    driver.step({ type: 'complete-task', taskId: taskOf(driver, 'b'), output: { approved: true } });
    expect(driver.openTasks('after')).toHaveLength(1);
    expect(driver.state?.variables['approved']).toBe(true);
  });

  it('should let a sequential signer added before act first and give the task back afterwards', async () => {
    // given a sequential countersign at zhang
    const driver = new Driver(await deployOne(countersign('sequential')));
    driver.start({ signers: ['zhang', 'li'] });
    const zhang = taskOf(driver, 'zhang');

    // when zhang adds wang before himself
    const effects = driver.step({ type: 'add-instance', taskId: zhang, item: 'wang', position: 'before' });

    // then zhang's task is cancelled, wang acts, then zhang again, then li
    expect(effectsOf(effects, 'cancel-task')).toEqual([{ type: 'cancel-task', taskId: zhang }]);
    const order: string[] = [];
    for (let step = 0; step < 3; step += 1) {
      const [open] = driver.openTasks('sign');
      const assignee = effectsOf(driver.log, 'create-task').find((item) => item.taskId === open)?.assignee;
      order.push(assignee ?? '?');
      driver.step({ type: 'complete-task', taskId: open ?? '', output: {} });
    }
    expect(order).toEqual(['wang', 'zhang', 'li']);
    expect(driver.openTasks('after')).toHaveLength(1);
  });

  it('should put a sequential signer added after right behind the adder', async () => {
    const driver = new Driver(await deployOne(countersign('sequential')));
    driver.start({ signers: ['zhang', 'li'] });
    driver.step({ type: 'add-instance', taskId: taskOf(driver, 'zhang'), item: 'wang', position: 'after' });
    driver.step({ type: 'complete-task', taskId: taskOf(driver, 'zhang'), output: {} });
    expect(driver.openTasks('sign')).toEqual([taskOf(driver, 'wang')]);
  });

  it('should refuse a task that is not a multi-instance one', async () => {
    const driver = new Driver(
      await deployOne(
        bpmn(`<bpmn:startEvent id="start" /><bpmn:userTask id="one" />${flow('f', 'start', 'one')}`),
      ),
    );
    driver.start();
    const [taskId] = driver.openTasks('one');
    expect(() =>
      driver.step({ type: 'add-instance', taskId: taskId ?? '', item: 'x', position: 'after' }),
    ).toThrow(EngineError);
  });
});
