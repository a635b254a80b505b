export type InstanceStatus = 'active' | 'completed' | 'cancelled' | 'terminated' | 'incident';

/** What a token is waiting for (absent: the token is being moved within the current step). */
export type TokenWait =
  | { type: 'task'; taskId: string }
  | { type: 'job'; jobId: string }
  | { type: 'call'; callId: string }
  | { type: 'timer'; timerId: string }
  | { type: 'message'; subscriptionId: string }
  | { type: 'join'; flowId: string | null }
  | { type: 'event-gateway' }
  | { type: 'scope' }
  | {
      type: 'multi-instance';
      total: number;
      completed: number;
      active: number;
      /** Next index to start (sequential). */
      next: number;
      items: unknown[] | null;
      outputs: unknown[];
    };

export interface Token {
  id: string;
  elementId: string;
  /** Scope token: embedded sub-process or multi-instance body; null at process level. */
  parentId: string | null;
  wait?: TokenWait;
  /** Local variables (input parameters, multi-instance element variable, loopCounter). */
  variables?: Record<string, unknown>;
  /** The sequence flow the token arrived by (joins). */
  via?: string;
  /** Index of a multi-instance inner instance. */
  loopIndex?: number;
  /** Set while an incident blocks this token. */
  incidentId?: string;
}

/** Timers and message subscriptions owned by a token (boundary events, event-based gateways, catch events). */
export type Subscription =
  | {
      type: 'timer';
      id: string;
      elementId: string;
      tokenId: string;
      dueAt: string;
      /** Occurrences still to come after this one (cycles), null = unbounded. */
      remaining: number | null;
      interval: string | null;
    }
  | {
      type: 'message';
      id: string;
      elementId: string;
      tokenId: string;
      messageName: string;
      correlationKey: string | null;
    };

export interface Incident {
  id: string;
  tokenId: string;
  elementId: string;
  message: string;
  /** The operation to repeat on retry. */
  operation: 'enter' | 'leave' | 'run-service' | 'complete-instances';
}

/** Plain JSON. History is emitted as effects and never kept here. */
export interface InstanceState {
  schemaVersion: 1;
  definitionId: string;
  status: InstanceStatus;
  variables: Record<string, unknown>;
  tokens: Token[];
  subscriptions: Subscription[];
  incidents: Incident[];
  /** Source of generated ids. */
  counter: number;
}
