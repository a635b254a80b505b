import fs from 'node:fs';
import path from 'node:path';

const ENGINE_FIXTURES = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'packages',
  'engine',
  'src',
  '__fixtures__',
);

/** A BPMN template shipped with the engine (onboarding-30-day, complaint-work-order). */
export function bpmnFixture(name: 'onboarding-30-day' | 'complaint-work-order'): string {
  return fs.readFileSync(path.join(ENGINE_FIXTURES, `${name}.bpmn`), 'utf8');
}

const NAMESPACES =
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" ' +
  'xmlns:careloom="http://careloom.dev/schema/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

/** Wraps process content into a BPMN document with the Camunda and CareLoom namespaces. */
export function bpmnDocument(processId: string, body: string, name = processId): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NAMESPACES} id="defs_${processId}" targetNamespace="http://careloom.dev/test">
  <bpmn:process id="${processId}" name="${name}" isExecutable="true">
${body}
  </bpmn:process>
</bpmn:definitions>`;
}

const flow = (id: string, from: string, to: string) =>
  `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;

/** start → user task (optionally with a form, candidate groups) → end. */
export function singleTaskProcess(
  processId: string,
  options: { formKey?: string; candidateGroups?: string; taskName?: string } = {},
): string {
  const attributes = [
    options.formKey ? `camunda:formKey="${options.formKey}"` : '',
    options.candidateGroups ? `camunda:candidateGroups="${options.candidateGroups}"` : '',
  ].join(' ');
  return bpmnDocument(
    processId,
    `<bpmn:startEvent id="start" />
    <bpmn:userTask id="review" name="${options.taskName ?? 'Review'}" ${attributes} />
    <bpmn:endEvent id="end" />
    ${flow('f1', 'start', 'review')}
    ${flow('f2', 'review', 'end')}`,
  );
}

/** start → timer (duration) → user task → end: one due job per instance. */
export function timerThenTaskProcess(processId: string, duration: string): string {
  return bpmnDocument(
    processId,
    `<bpmn:startEvent id="start" />
    <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition id="wait_def"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${duration}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:userTask id="afterWait" name="After the wait" />
    <bpmn:endEvent id="end" />
    ${flow('f1', 'start', 'wait')}
    ${flow('f2', 'wait', 'afterWait')}
    ${flow('f3', 'afterWait', 'end')}`,
  );
}

/** start → service task of `serviceType` with JSON parameters → user task → end. */
export function serviceTaskProcess(
  processId: string,
  serviceType: string,
  parameters: Record<string, unknown>,
): string {
  const json = JSON.stringify(parameters)
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;');
  return bpmnDocument(
    processId,
    `<bpmn:startEvent id="start" />
    <bpmn:serviceTask id="call" name="Call" careloom:serviceType="${serviceType}" careloom:parameters="${json}" />
    <bpmn:userTask id="afterCall" name="After the call" />
    <bpmn:endEvent id="end" />
    ${flow('f1', 'start', 'call')}
    ${flow('f2', 'call', 'afterCall')}
    ${flow('f3', 'afterCall', 'end')}`,
  );
}

/** start → message catch (correlated by `${orderId}`) → user task → end. */
export function messageProcess(processId: string, messageName: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NAMESPACES} id="defs_${processId}" targetNamespace="http://careloom.dev/test">
  <bpmn:message id="msg" name="${messageName}" />
  <bpmn:process id="${processId}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:intermediateCatchEvent id="waitMessage" careloom:correlationKey="\${orderId}"><bpmn:messageEventDefinition id="waitMessage_def" messageRef="msg" /></bpmn:intermediateCatchEvent>
    <bpmn:userTask id="afterMessage" name="After the message" />
    <bpmn:endEvent id="end" />
    ${flow('f1', 'start', 'waitMessage')}
    ${flow('f2', 'waitMessage', 'afterMessage')}
    ${flow('f3', 'afterMessage', 'end')}
  </bpmn:process>
</bpmn:definitions>`;
}
