import { suggestKey } from '../../forms/utils/key-suggestion.util.js';
import { CAMUNDA_NS, CARELOOM_NS } from './bpmn-model.constants.js';

/**
 * The key of a process not named yet: `process-20261128-0945` (local time of `now`), so two new processes
 * deployed before anybody names them do not become versions of one another.
 */
export function defaultProcessKey(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `process-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
}

/**
 * The key to write when a new process is renamed, while its key was not typed by hand: the key suggested from
 * the (English part of the) name, as for forms and rules (`Fall incident` → `fall-incident`); null when the key
 * stays (typed by hand, nothing usable in the name such as a Chinese-only name, or already that key).
 */
export function keyAfterRename(name: string, currentKey: string, typedByHand: boolean): string | null {
  if (typedByHand) {
    return null;
  }
  const suggested = suggestKey(name);
  return suggested === '' || suggested === currentKey ? null : suggested;
}

/** What "new process" opens: start → user task → end, with diagram information, under `key`. */
export function newProcessXml(key: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="${CAMUNDA_NS}" xmlns:careloom="${CARELOOM_NS}" id="defs" targetNamespace="http://careloom.dev/processes">
  <bpmn:process id="${key}" name="新流程" isExecutable="true">
    <bpmn:startEvent id="start" name="开始" />
    <bpmn:userTask id="task" name="处理" camunda:candidateGroups="nurse" />
    <bpmn:endEvent id="end" name="结束" />
    <bpmn:sequenceFlow id="to_task" sourceRef="start" targetRef="task" />
    <bpmn:sequenceFlow id="to_end" sourceRef="task" targetRef="end" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="diagram"><bpmndi:BPMNPlane id="plane" bpmnElement="${key}">
    <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="152" y="182" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="task_di" bpmnElement="task"><dc:Bounds x="250" y="160" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="412" y="182" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="to_task_di" bpmnElement="to_task"><di:waypoint x="188" y="200" /><di:waypoint x="250" y="200" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="to_end_di" bpmnElement="to_end"><di:waypoint x="350" y="200" /><di:waypoint x="412" y="200" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
