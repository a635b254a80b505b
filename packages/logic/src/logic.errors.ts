import type { LocalizedMessages, LogicErrorCode } from './logic.types.js';

/** Thrown by evaluate, evaluateExplained and compileFilterToSql. `message` is the English text. */
export class LogicError extends Error {
  readonly code: LogicErrorCode;
  /** JSON pointer into the expression, e.g. "/and/1/>/0" ("" = the whole expression or unknown). */
  readonly path: string;
  readonly messages: LocalizedMessages;

  constructor(code: LogicErrorCode, path: string, messages: LocalizedMessages) {
    super(messages.en);
    this.name = 'LogicError';
    this.code = code;
    this.path = path;
    this.messages = messages;
  }
}
