import { describe, expect, it } from '@jest/globals';
import { checkProcessModel, rowsOwnedBy, type ProcessDefinition } from './process-model.util.js';

const model = async (body: string): Promise<ProcessDefinition> => {
  const result = await checkProcessModel(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="defs" targetNamespace="http://careloom.dev/test">
  <bpmn:message id="m1" name="arrived" />
  <bpmn:process id="p" name="p" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`);
  if (!result.ok) {
    throw new Error(JSON.stringify(result.errors));
  }
  return result.processes[0] as ProcessDefinition;
};

const around = (middle: string, flows = '') => `
    <bpmn:startEvent id="start" />${middle}
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end" />${flows}`;

describe(rowsOwnedBy.name, () => {
  it('should own nothing when the model has a plain user task', async () => {
    // given start → user task → end
    const definition = await model(around('<bpmn:userTask id="work" name="Work" />'));

    // when / then no subscription and no job can belong to its instances
    expect(rowsOwnedBy(definition)).toEqual({ subscriptions: false, jobs: false });
  });

  it('should own jobs when a user task has a due date', async () => {
    // given a user task due in two days (its task-due job)
    const definition = await model(around('<bpmn:userTask id="work" name="Work" camunda:dueDate="P2D" />'));

    // when / then
    expect(rowsOwnedBy(definition)).toEqual({ subscriptions: false, jobs: true });
  });

  it('should own jobs and subscriptions when an activity has timer and message boundary events', async () => {
    // given a user task with a timer and a message boundary event
    const definition = await model(
      around(
        `<bpmn:userTask id="work" name="Work" />
    <bpmn:boundaryEvent id="late" attachedToRef="work"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
    <bpmn:boundaryEvent id="told" attachedToRef="work"><bpmn:messageEventDefinition messageRef="m1" /></bpmn:boundaryEvent>`,
        `
    <bpmn:sequenceFlow id="f3" sourceRef="late" targetRef="end" />
    <bpmn:sequenceFlow id="f4" sourceRef="told" targetRef="end" />`,
      ),
    );

    // when / then
    expect(rowsOwnedBy(definition)).toEqual({ subscriptions: true, jobs: true });
  });

  it('should own jobs when the model has a service task', async () => {
    // given a notify service task (run as a job)
    const definition = await model(
      around(
        '<bpmn:serviceTask id="work" name="Tell" careloom:serviceType="notify" xmlns:careloom="http://careloom.dev/schema/bpmn" />',
      ),
    );

    // when / then
    expect(rowsOwnedBy(definition)).toEqual({ subscriptions: false, jobs: true });
  });
});
