import type { ServiceTaskDefinition } from '../definition/definition.types.js';
import { nextId, visibleVariables } from '../runtime/run.util.js';
import type { Behavior } from './behavior.types.js';

/** Asks the server to run a service (a job) and waits for service-completed / service-failed. */
export const serviceTaskBehavior: Behavior<ServiceTaskDefinition> = {
  enter(run, token, element) {
    const jobId = nextId(run, 'job');
    token.wait = { type: 'job', jobId };
    run.effects.push({
      type: 'run-service',
      jobId,
      elementId: element.id,
      serviceType: element.serviceType,
      parameters: structuredCopy(element.parameters),
      variables: element.inputs.length > 0 ? { ...token.variables } : visibleVariables(run, token),
    });
  },
};

const structuredCopy = (value: Record<string, unknown>): Record<string, unknown> =>
  JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
