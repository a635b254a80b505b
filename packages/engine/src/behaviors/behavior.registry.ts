import type { BehaviorRegistry } from './behavior.types.js';
import { boundaryEventBehavior } from './boundary-event.behavior.js';
import { businessRuleTaskBehavior } from './business-rule-task.behavior.js';
import { callActivityBehavior } from './call-activity.behavior.js';
import { catchEventBehavior } from './catch-event.behavior.js';
import { endEventBehavior } from './end-event.behavior.js';
import { eventBasedGatewayBehavior } from './event-based-gateway.behavior.js';
import { exclusiveGatewayBehavior } from './exclusive-gateway.behavior.js';
import { inclusiveGatewayBehavior } from './inclusive-gateway.behavior.js';
import { parallelGatewayBehavior } from './parallel-gateway.behavior.js';
import { passThroughBehavior } from './pass-through.behavior.js';
import { serviceTaskBehavior } from './service-task.behavior.js';
import { startEventBehavior } from './start-event.behavior.js';
import { subProcessBehavior } from './sub-process.behavior.js';
import { userTaskBehavior } from './user-task.behavior.js';

/** One behaviour per element kind. */
export const BEHAVIORS: BehaviorRegistry = {
  startEvent: startEventBehavior,
  endEvent: endEventBehavior,
  intermediateCatchEvent: catchEventBehavior,
  intermediateThrowEvent: passThroughBehavior,
  boundaryEvent: boundaryEventBehavior,
  userTask: userTaskBehavior,
  serviceTask: serviceTaskBehavior,
  businessRuleTask: businessRuleTaskBehavior,
  task: passThroughBehavior,
  exclusiveGateway: exclusiveGatewayBehavior,
  parallelGateway: parallelGatewayBehavior,
  inclusiveGateway: inclusiveGatewayBehavior,
  eventBasedGateway: eventBasedGatewayBehavior,
  subProcess: subProcessBehavior,
  callActivity: callActivityBehavior,
};
