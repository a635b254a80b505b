export const CAMUNDA_NS = 'http://camunda.org/schema/1.0/bpmn';
export const CARELOOM_NS = 'http://careloom.dev/schema/bpmn';

/** Prefix of a CareLoom form reference in `camunda:formKey`. */
export const FORM_KEY_PREFIX = 'careloom:form:';

/** Role keys a task can be offered to (`camunda:candidateGroups`). */
export const ROLE_KEYS = [
  'admin',
  'head-nurse',
  'nurse',
  'doctor',
  'steward',
  'logistics',
  'front-desk',
] as const;

/** Service types the server runs (`careloom:serviceType`). */
export const SERVICE_TYPES = [
  'notify',
  'set-variables',
  'start-process',
  'create-record',
  'webhook',
] as const;

/** Command id of the handler (registered by `useBpmnModeler`) that runs several commands as one undo step. */
export const MULTI_COMMAND = 'careloom.multi-command';

/** Marker classes on canvas elements. */
export const ERROR_MARKER = 'cl-error';
export const VISITED_MARKER = 'cl-visited';

/** What "new process" opens: start → user task → end, with diagram information. */
export const NEW_PROCESS_XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="${CAMUNDA_NS}" xmlns:careloom="${CARELOOM_NS}" id="defs" targetNamespace="http://careloom.dev/processes">
  <bpmn:process id="new-process" name="新流程" isExecutable="true">
    <bpmn:startEvent id="start" name="开始" />
    <bpmn:userTask id="task" name="处理" camunda:candidateGroups="nurse" />
    <bpmn:endEvent id="end" name="结束" />
    <bpmn:sequenceFlow id="to_task" sourceRef="start" targetRef="task" />
    <bpmn:sequenceFlow id="to_end" sourceRef="task" targetRef="end" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="diagram"><bpmndi:BPMNPlane id="plane" bpmnElement="new-process">
    <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="152" y="182" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="task_di" bpmnElement="task"><dc:Bounds x="250" y="160" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="412" y="182" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="to_task_di" bpmnElement="to_task"><di:waypoint x="188" y="200" /><di:waypoint x="250" y="200" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="to_end_di" bpmnElement="to_end"><di:waypoint x="350" y="200" /><di:waypoint x="412" y="200" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
