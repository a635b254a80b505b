export type HistoryEvent = 'entered' | 'left' | 'cancelled' | 'taken';

export type EndStatus = 'completed' | 'terminated' | 'cancelled';

export interface CreateTaskEffect {
  type: 'create-task';
  taskId: string;
  elementId: string;
  name: string;
  assignee?: string;
  candidateGroups: string[];
  candidateUsers: string[];
  formKey?: string;
  dueAt?: string;
  followUpAt?: string;
  /**
   * Set when dueAt/followUpAt is business time: on the context's calendar, or on the standard calendar
   * (Monday–Friday, no holidays) because the context had none.
   */
  businessCalendar?: 'context' | 'standard';
  /** Input-mapped variables (camunda:inputParameter), or all visible variables when there is no mapping. */
  variables: Record<string, unknown>;
  multiInstance?: { index: number; total: number };
}

/** Something the server must do, in the same transaction as storing the new state. */
export type Effect =
  | CreateTaskEffect
  | { type: 'cancel-task'; taskId: string }
  | {
      type: 'schedule-timer';
      timerId: string;
      elementId: string;
      dueAt: string;
      /** Set when the due time is business time: on the context's calendar, or the standard one (none given). */
      businessCalendar?: 'context' | 'standard';
    }
  | { type: 'cancel-timer'; timerId: string }
  | {
      type: 'run-service';
      jobId: string;
      elementId: string;
      serviceType: string;
      parameters: Record<string, unknown>;
      variables: Record<string, unknown>;
    }
  | {
      type: 'subscribe-message';
      subscriptionId: string;
      elementId: string;
      messageName: string;
      correlationKey: string | null;
    }
  | { type: 'unsubscribe-message'; subscriptionId: string }
  | {
      type: 'start-child';
      callId: string;
      elementId: string;
      processKey: string;
      variables: Record<string, unknown>;
    }
  | { type: 'cancel-child'; callId: string }
  | { type: 'incident'; incidentId: string; elementId: string; message: string }
  | {
      type: 'history';
      at: string;
      elementId: string;
      elementType: string;
      event: HistoryEvent;
      tokenId?: string;
    }
  | { type: 'ended'; status: EndStatus };

export type EffectType = Effect['type'];
