export type EngineErrorCode =
  | 'unknown-task'
  | 'unknown-timer'
  | 'unknown-job'
  | 'unknown-subscription'
  | 'unknown-call'
  | 'unknown-incident'
  | 'unknown-start-event'
  | 'not-active'
  | 'already-started'
  | 'bad-command'
  | 'bad-definition'
  | 'evaluation-failed'
  | 'too-many-steps';

/** Thrown for commands that cannot apply (unknown ids, finished instance). The server maps it to 404/409. */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly elementId?: string;

  constructor(code: EngineErrorCode, message: string, elementId?: string) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    if (elementId !== undefined) {
      this.elementId = elementId;
    }
  }
}
