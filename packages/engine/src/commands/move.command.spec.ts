import { describe, expect, it } from '@jest/globals';
import { bpmn, deployOne, Driver, effectsOf, flow } from '../__fixtures__/harness.util.js';
import { EngineError } from '../errors.js';

const chain = bpmn(
  `<bpmn:startEvent id="start" />
   <bpmn:userTask id="assess" /><bpmn:userTask id="review" /><bpmn:userTask id="approve" />
   <bpmn:endEvent id="end" />
   ${flow('f1', 'start', 'assess')}${flow('f2', 'assess', 'review')}${flow('f3', 'review', 'approve')}${flow('f4', 'approve', 'end')}`,
);

describe('move', () => {
  it('should send a task back to an earlier one with its data restored', async () => {
    // given assess done with a score and review open
    const driver = new Driver(await deployOne(chain));
    driver.start();
    driver.completeTask('assess', { score: 40 });
    driver.completeTask('review', { note: 'ok', score: 45 });
    const [approve] = driver.openTasks('approve');

    // when approve is sent back to assess with assess's output
    const effects = driver.step({
      type: 'move',
      taskIds: [approve ?? ''],
      toElementId: 'assess',
      variables: { score: 40 },
    });

    // then approve is cancelled, assess is open again with score 40 as its input
    expect(effectsOf(effects, 'cancel-task')).toEqual([{ type: 'cancel-task', taskId: approve }]);
    const [created] = effectsOf(effects, 'create-task');
    expect(created).toMatchObject({ elementId: 'assess', variables: { score: 40, note: 'ok' } });
    expect(driver.state?.tokens.map((t) => t.elementId)).toEqual(['assess']);
    expect(effectsOf(effects, 'history').map((h) => [h.elementId, h.event])).toEqual([
      ['approve', 'cancelled'],
      ['assess', 'entered'],
    ]);

    // and the process goes on from there
    driver.completeTask('assess', { score: 50 });
    expect(driver.openTasks('review')).toHaveLength(1);
  });

  it('should move a whole countersign away when one of its tasks is named', async () => {
    const xml = bpmn(
      `<bpmn:startEvent id="start" /><bpmn:userTask id="draft" />
       <bpmn:userTask id="sign"><bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>2</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>
       ${flow('f1', 'start', 'draft')}${flow('f2', 'draft', 'sign')}`,
    );
    const driver = new Driver(await deployOne(xml));
    driver.start();
    driver.completeTask('draft');
    const signs = driver.openTasks('sign');
    const effects = driver.step({ type: 'move', taskIds: [signs[0] ?? ''], toElementId: 'draft' });
    expect(
      effectsOf(effects, 'cancel-task')
        .map((e) => e.taskId)
        .sort(),
    ).toEqual([...signs].sort());
    expect(driver.state?.tokens.map((t) => t.elementId)).toEqual(['draft']);
  });

  it('should refuse a target that is not a user task, or not in the same scope', async () => {
    const xml = bpmn(
      `<bpmn:startEvent id="start" /><bpmn:userTask id="first" />
       <bpmn:subProcess id="sub"><bpmn:startEvent id="sStart" /><bpmn:userTask id="inner" />${flow('s1', 'sStart', 'inner')}</bpmn:subProcess>
       ${flow('f1', 'start', 'first')}${flow('f2', 'first', 'sub')}`,
    );
    const driver = new Driver(await deployOne(xml));
    driver.start();
    driver.completeTask('first');
    const [inner] = driver.openTasks('inner');
    expect(() => driver.step({ type: 'move', taskIds: [inner ?? ''], toElementId: 'start' })).toThrow(
      EngineError,
    );
    expect(() => driver.step({ type: 'move', taskIds: [inner ?? ''], toElementId: 'first' })).toThrow(
      /same scope/,
    );
    expect(() => driver.step({ type: 'move', taskIds: ['nope'], toElementId: 'first' })).toThrow(
      /no open task/,
    );
  });
});
