// Test harness (not shipped): inline BPMN wrapper and a driver that JSON-roundtrips the state between steps
// and checks that every step is deterministic.
import { deployBpmn } from '../definition/deploy.util.js';
import type { ProcessDefinition } from '../definition/definition.types.js';
import type { Effect } from '../effects.js';
import type { Command } from '../commands/command.types.js';
import { execute } from '../runtime/execute.js';
import type { InstanceState } from '../state/state.types.js';

export const NAMESPACES =
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" ' +
  'xmlns:careloom="http://careloom.dev/schema/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

/** Wraps flow elements into an executable process `p`; `extra` goes after the process (messages, errors). */
export const bpmn = (body: string, extra = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions ${NAMESPACES} id="defs" targetNamespace="http://careloom.dev/test">` +
  `<bpmn:process id="p" isExecutable="true">${body}</bpmn:process>${extra}</bpmn:definitions>`;

export const flow = (id: string, source: string, target: string, condition?: string): string =>
  condition === undefined
    ? `<bpmn:sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}" />`
    : `<bpmn:sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}">` +
      `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"><![CDATA[${condition}]]></bpmn:conditionExpression>` +
      `</bpmn:sequenceFlow>`;

export const deployOne = async (xml: string): Promise<ProcessDefinition> => {
  const result = await deployBpmn(xml);
  if (!result.ok) {
    throw new Error(`deploy failed: ${JSON.stringify(result.errors, null, 2)}`);
  }
  const [first] = result.processes;
  if (!first) {
    throw new Error('no process');
  }
  return first;
};

export class Driver {
  state: InstanceState | null = null;
  readonly log: Effect[] = [];
  last: Effect[] = [];
  now: string;

  constructor(
    readonly definition: ProcessDefinition,
    now = '2026-01-01T00:00:00.000Z',
    readonly instanceId = 'inst',
  ) {
    this.now = now;
  }

  step(command: Command, now?: string): Effect[] {
    if (now !== undefined) {
      this.now = now;
    }
    const roundTripped =
      this.state === null ? null : (JSON.parse(JSON.stringify(this.state)) as InstanceState);
    const context = { now: this.now, instanceId: this.instanceId };
    const result = execute(this.definition, roundTripped, command, context);
    const again = execute(this.definition, roundTripped, command, context);
    if (JSON.stringify(again) !== JSON.stringify(result)) {
      throw new Error('execute is not deterministic');
    }
    this.state = JSON.parse(JSON.stringify(result.state)) as InstanceState;
    this.last = result.effects;
    this.log.push(...result.effects);
    return result.effects;
  }

  start(variables: Record<string, unknown> = {}, startEventId?: string): Effect[] {
    return this.step({ type: 'start', variables, ...(startEventId === undefined ? {} : { startEventId }) });
  }

  /** Open tasks (by element id) from the state. */
  openTasks(elementId?: string): string[] {
    return (this.state?.tokens ?? [])
      .filter(
        (token) => token.wait?.type === 'task' && (elementId === undefined || token.elementId === elementId),
      )
      .map((token) => (token.wait?.type === 'task' ? token.wait.taskId : ''));
  }

  completeTask(elementId: string, output: Record<string, unknown> = {}, now?: string): Effect[] {
    const [taskId] = this.openTasks(elementId);
    if (taskId === undefined) {
      throw new Error(`no open task at ${elementId}`);
    }
    return this.step({ type: 'complete-task', taskId, output }, now);
  }

  timers(elementId?: string): { id: string; dueAt: string; elementId: string }[] {
    return (this.state?.subscriptions ?? []).flatMap((item) =>
      item.type === 'timer' && (elementId === undefined || item.elementId === elementId)
        ? [{ id: item.id, dueAt: item.dueAt, elementId: item.elementId }]
        : [],
    );
  }

  fireTimer(elementId: string): Effect[] {
    const [timer] = this.timers(elementId);
    if (!timer) {
      throw new Error(`no timer at ${elementId}`);
    }
    return this.step({ type: 'fire-timer', timerId: timer.id }, timer.dueAt);
  }

  messages(elementId?: string): string[] {
    return (this.state?.subscriptions ?? []).flatMap((item) =>
      item.type === 'message' && (elementId === undefined || item.elementId === elementId) ? [item.id] : [],
    );
  }

  correlate(elementId: string, variables: Record<string, unknown> = {}): Effect[] {
    const [subscriptionId] = this.messages(elementId);
    if (subscriptionId === undefined) {
      throw new Error(`no subscription at ${elementId}`);
    }
    return this.step({ type: 'correlate-message', subscriptionId, variables });
  }

  jobs(elementId?: string): string[] {
    return (this.state?.tokens ?? []).flatMap((token) =>
      token.wait?.type === 'job' && (elementId === undefined || token.elementId === elementId)
        ? [token.wait.jobId]
        : [],
    );
  }

  /** Element ids entered so far, in order. */
  entered(): string[] {
    return this.log.flatMap((effect) =>
      effect.type === 'history' && effect.event === 'entered' ? [effect.elementId] : [],
    );
  }
}

export const effectsOf = <T extends Effect['type']>(
  effects: Effect[],
  type: T,
): Extract<Effect, { type: T }>[] =>
  effects.filter((effect): effect is Extract<Effect, { type: T }> => effect.type === type);
