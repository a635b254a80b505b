// The BPMN models of the engine benchmark: ours (JSON Logic conditions, CareLoom namespaces) and the
// same routing model for bpmn-engine (a JavaScript condition), so both run the same steps.

const NAMESPACES =
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" ' +
  'xmlns:careloom="http://careloom.dev/schema/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

const document = (processId, body) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NAMESPACES} id="defs_${processId}" targetNamespace="http://careloom.dev/bench">
  <bpmn:process id="${processId}" name="${processId}" isExecutable="true">
${body}
  </bpmn:process>
</bpmn:definitions>`;

const flow = (id, from, to, condition) =>
  condition === undefined
    ? `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`
    : `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}">` +
      `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"${condition.language ? ` language="${condition.language}"` : ''}>` +
      `<![CDATA[${condition.body}]]></bpmn:conditionExpression></bpmn:sequenceFlow>`;

/** start → user task `work` → end: instances wait at the task; one completion is one engine step. */
export const WAITING_KEY = 'bench-waiting';
export const waitingProcess = () =>
  document(
    WAITING_KEY,
    `<bpmn:startEvent id="start" />
    <bpmn:userTask id="work" name="Work" />
    <bpmn:endEvent id="end" />
    ${flow('f1', 'start', 'work')}
    ${flow('f2', 'work', 'end')}`,
  );

/** The score that separates the two branches of the routing model. */
export const ROUTE_THRESHOLD = 50;

/** start → exclusive gateway (score > 50) → user task `high` or `low` → end; `condition` is the flow's body. */
const routing = (processId, condition) =>
  document(
    processId,
    `<bpmn:startEvent id="start" />
    <bpmn:exclusiveGateway id="route" name="Score?" default="toLow" />
    <bpmn:userTask id="high" name="High" />
    <bpmn:userTask id="low" name="Low" />
    <bpmn:endEvent id="end" />
    ${flow('f1', 'start', 'route')}
    ${flow('toHigh', 'route', 'high', condition)}
    ${flow('toLow', 'route', 'low')}
    ${flow('f2', 'high', 'end')}
    ${flow('f3', 'low', 'end')}`,
  );

export const ROUTE_KEY = 'bench-route';
/** Ours: the condition is JSON Logic. */
export const routeProcess = () =>
  routing(ROUTE_KEY, { body: JSON.stringify({ '>': [{ var: 'score' }, ROUTE_THRESHOLD] }) });
/** bpmn-engine: the same condition as a JavaScript script condition. */
export const peerRouteProcess = () =>
  routing(ROUTE_KEY, {
    language: 'javascript',
    body: `next(null, environment.variables.score > ${ROUTE_THRESHOLD})`,
  });

/** start → timer catch event `wait` (timeDate from the variable fireAt) → user task → end. */
export const TIMER_KEY = 'bench-timer';
export const timerProcess = () =>
  document(
    TIMER_KEY,
    `<bpmn:startEvent id="start" />
    <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition id="wait_def"><bpmn:timeDate xsi:type="bpmn:tFormalExpression">\${fireAt}</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:userTask id="afterWait" name="After the wait" />
    <bpmn:endEvent id="end" />
    ${flow('f1', 'start', 'wait')}
    ${flow('f2', 'wait', 'afterWait')}
    ${flow('f3', 'afterWait', 'end')}`,
  );
