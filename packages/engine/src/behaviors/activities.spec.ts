import { describe, expect, it } from '@jest/globals';
import { bpmn, deployOne, Driver, effectsOf, flow } from '../__fixtures__/harness.util.js';

describe('activities', () => {
  it('should run an embedded sub-process and continue after it completes', async () => {
    const xml = bpmn(
      `<bpmn:startEvent id="start" />
       <bpmn:subProcess id="visit">
         <bpmn:startEvent id="vStart" /><bpmn:userTask id="check" /><bpmn:endEvent id="vEnd" />
         ${flow('v1', 'vStart', 'check')}${flow('v2', 'check', 'vEnd')}
       </bpmn:subProcess>
       <bpmn:userTask id="report" />
       ${flow('f1', 'start', 'visit')}${flow('f2', 'visit', 'report')}`,
    );
    const driver = new Driver(await deployOne(xml));
    driver.start();
    expect(driver.state?.tokens.map((t) => t.elementId).sort()).toEqual(['check', 'visit']);
    driver.completeTask('check', { bp: 120 });
    expect(driver.openTasks('report')).toHaveLength(1);
    expect(driver.state?.variables).toEqual({ bp: 120 });
    expect(driver.entered()).toEqual(['start', 'visit', 'vStart', 'check', 'vEnd', 'report']);
  });

  it('should map variables in and out of a call activity', async () => {
    const xml = bpmn(
      `<bpmn:startEvent id="start" />
       <bpmn:callActivity id="assess" calledElement="assessment">
         <bpmn:extensionElements>
           <camunda:in source="residentId" target="subjectId" />
           <camunda:in sourceExpression="=&#123;&quot;+&quot;:[&#123;&quot;var&quot;:&quot;level&quot;&#125;,1]&#125;" target="nextLevel" />
           <camunda:out source="score" target="assessmentScore" />
         </bpmn:extensionElements>
       </bpmn:callActivity>
       <bpmn:endEvent id="end" />
       ${flow('f1', 'start', 'assess')}${flow('f2', 'assess', 'end')}`,
    );
    const driver = new Driver(await deployOne(xml));
    const effects = driver.start({ residentId: 'r1', level: 2, secret: 'x' });
    const [child] = effectsOf(effects, 'start-child');
    expect(child).toEqual({
      type: 'start-child',
      callId: 'inst-call2',
      elementId: 'assess',
      processKey: 'assessment',
      variables: { subjectId: 'r1', nextLevel: 3 },
    });
    driver.step({ type: 'child-completed', callId: child?.callId ?? '', variables: { score: 42, other: 1 } });
    expect(driver.state?.variables).toEqual({ residentId: 'r1', level: 2, secret: 'x', assessmentScore: 42 });
    expect(driver.state?.status).toBe('completed');
  });

  it('should cancel the child when the instance is cancelled during a call', async () => {
    const xml = bpmn(
      `<bpmn:startEvent id="start" /><bpmn:callActivity id="c" calledElement="child" />
       ${flow('f1', 'start', 'c')}`,
    );
    const driver = new Driver(await deployOne(xml));
    driver.start();
    const effects = driver.step({ type: 'cancel' });
    expect(effectsOf(effects, 'cancel-child')).toEqual([{ type: 'cancel-child', callId: 'inst-call2' }]);
  });

  it('should write the JSON Logic decision into the result variable of a business-rule task', async () => {
    const decision =
      '{"if":[{">":[{"var":"adl"},60]},"level-1",{">":[{"var":"adl"},40]},"level-2","level-3"]}';
    const xml = bpmn(
      `<bpmn:startEvent id="start" />
       <bpmn:businessRuleTask id="grade" careloom:decision="${decision.replaceAll('"', '&quot;')}" careloom:resultVariable="careLevel" />
       <bpmn:endEvent id="end" />
       ${flow('f1', 'start', 'grade')}${flow('f2', 'grade', 'end')}`,
    );
    const driver = new Driver(await deployOne(xml));
    driver.start({ adl: 50 });
    expect(driver.state?.variables).toEqual({ adl: 50, careLevel: 'level-2' });
    expect(driver.state?.status).toBe('completed');
  });

  it('should apply camunda input and output parameters on a user task', async () => {
    const xml = bpmn(
      `<bpmn:startEvent id="start" />
       <bpmn:userTask id="call">
         <bpmn:extensionElements><camunda:inputOutput>
           <camunda:inputParameter name="who">\${resident.name}</camunda:inputParameter>
           <camunda:inputParameter name="kind">family-call</camunda:inputParameter>
           <camunda:outputParameter name="callResult">=&#123;"var":"outcome"&#125;</camunda:outputParameter>
         </camunda:inputOutput></bpmn:extensionElements>
       </bpmn:userTask>
       <bpmn:endEvent id="end" />
       ${flow('f1', 'start', 'call')}${flow('f2', 'call', 'end')}`,
    );
    const driver = new Driver(await deployOne(xml));
    const effects = driver.start({ resident: { name: 'Li' } });
    expect(effectsOf(effects, 'create-task')[0]?.variables).toEqual({ who: 'Li', kind: 'family-call' });
    driver.completeTask('call', { outcome: 'reached', noise: 1 });
    expect(driver.state?.variables).toEqual({ resident: { name: 'Li' }, callResult: 'reached' });
  });

  describe('multi-instance user tasks', () => {
    const countersign = (sequential: boolean): string =>
      bpmn(
        `<bpmn:startEvent id="start" />
         <bpmn:userTask id="sign" camunda:assignee="\${approver}">
           <bpmn:multiInstanceLoopCharacteristics isSequential="${sequential}" camunda:collection="\${approvers}" camunda:elementVariable="approver" careloom:outputCollection="signatures">
             <bpmn:completionCondition>{"&gt;=":[{"count":[{"filter":[{"var":"outputs"},{"var":"approved"}]}]},2]}</bpmn:completionCondition>
           </bpmn:multiInstanceLoopCharacteristics>
         </bpmn:userTask>
         <bpmn:userTask id="after" />
         ${flow('f1', 'start', 'sign')}${flow('f2', 'sign', 'after')}`,
      );

    it('should finish a parallel countersign when 2 of 3 approve and cancel the third task', async () => {
      const driver = new Driver(await deployOne(countersign(false)));
      const effects = driver.start({ approvers: ['zhang', 'li', 'wang'] });
      const tasks = effectsOf(effects, 'create-task');
      expect(tasks.map((t) => [t.assignee, t.multiInstance])).toEqual([
        ['zhang', { index: 0, total: 3 }],
        ['li', { index: 1, total: 3 }],
        ['wang', { index: 2, total: 3 }],
      ]);
      driver.step({ type: 'complete-task', taskId: tasks[0]?.taskId ?? '', output: { approved: true } });
      driver.step({ type: 'complete-task', taskId: tasks[1]?.taskId ?? '', output: { approved: false } });
      expect(driver.openTasks('after')).toEqual([]);
      const last = driver.step({
        type: 'complete-task',
        taskId: tasks[2]?.taskId ?? '',
        output: { approved: true },
      });
      expect(driver.openTasks('after')).toHaveLength(1);
      expect(driver.state?.variables['signatures']).toEqual([
        { approved: true },
        { approved: false },
        { approved: true },
      ]);
      expect(effectsOf(last, 'cancel-task')).toEqual([]);
    });

    it('should cancel the remaining task when the condition holds early', async () => {
      const driver = new Driver(await deployOne(countersign(false)));
      const tasks = effectsOf(driver.start({ approvers: ['a', 'b', 'c'] }), 'create-task');
      driver.step({ type: 'complete-task', taskId: tasks[0]?.taskId ?? '', output: { approved: true } });
      const effects = driver.step({
        type: 'complete-task',
        taskId: tasks[2]?.taskId ?? '',
        output: { approved: true },
      });
      expect(effectsOf(effects, 'cancel-task')).toEqual([{ type: 'cancel-task', taskId: tasks[1]?.taskId }]);
      expect(driver.openTasks('after')).toHaveLength(1);
    });

    it('should create one task after the other when sequential', async () => {
      const driver = new Driver(await deployOne(countersign(true)));
      const started = driver.start({ approvers: ['a', 'b', 'c'] });
      expect(effectsOf(started, 'create-task').map((t) => t.assignee)).toEqual(['a']);
      const second = driver.completeTask('sign', { approved: true });
      expect(effectsOf(second, 'create-task').map((t) => t.assignee)).toEqual(['b']);
      driver.completeTask('sign', { approved: true });
      expect(driver.openTasks('sign')).toEqual([]);
      expect(driver.openTasks('after')).toHaveLength(1);
    });

    it('should use loopCardinality when there is no collection', async () => {
      const xml = bpmn(
        `<bpmn:startEvent id="start" />
         <bpmn:userTask id="visit"><bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>\${visits}</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>
         <bpmn:endEvent id="end" />
         ${flow('f1', 'start', 'visit')}${flow('f2', 'visit', 'end')}`,
      );
      const driver = new Driver(await deployOne(xml));
      driver.start({ visits: 2 });
      expect(driver.openTasks('visit')).toHaveLength(2);
      driver.completeTask('visit');
      driver.completeTask('visit');
      expect(driver.state?.status).toBe('completed');
    });
  });
});
