/** Domain errors: thrown by services, mapped to application/problem+json by one global filter. */
export type FieldError = { path: string; message: string };

/**
 * A field problem as a validator words it: `message` in English and, when it has one, `zh` in Chinese (answered
 * to zh-CN callers; never sent as a field of its own). ValidationFailedError takes these.
 */
export type WordedFieldError = FieldError & { zh?: string };

export type DomainErrorKind = 'invalid' | 'unauthorized' | 'forbidden' | 'not-found' | 'conflict';

/**
 * An error's Chinese wording: its detail (without it, the problem layer words a generic one), and its field
 * messages in the order of `errors` (where it has one).
 */
export type ZhWording = { detail?: string; messages?: readonly (string | undefined)[] };

export class DomainError extends Error {
  /** Answered to zh-CN callers (the default) instead of the English detail and field messages; null: not worded yet. */
  zh: ZhWording | null = null;

  constructor(
    readonly kind: DomainErrorKind,
    readonly title: string,
    detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
    this.name = new.target.name;
  }

  /** Gives the error its Chinese wording (call it in the constructor, after `super`). */
  protected inChinese(detail: string, ...messages: string[]): void {
    this.zh = { ...this.zh, detail, ...(messages.length > 0 ? { messages } : {}) };
  }

  /** Gives the error's field messages in Chinese, its detail being the generic one (see `inChinese`). */
  protected fieldsInChinese(...messages: string[]): void {
    this.zh = { messages };
  }
}

/**
 * Invalid input: `errors` point at the fields. Their `zh` wordings become the Chinese field messages (a subclass's
 * `inChinese(detail)` keeps them); the errors themselves are kept without it.
 */
export class ValidationFailedError extends DomainError {
  constructor(errors: WordedFieldError[], detail = 'The request has invalid fields; see errors.') {
    super(
      'invalid',
      'Validation failed',
      detail,
      errors.map(({ zh: _zh, ...error }) => error),
    );
    if (errors.some((error) => error.zh !== undefined)) {
      this.zh = { messages: errors.map((error) => error.zh) };
    }
  }
}

/** `zh`: the detail in Chinese; the default detail has its own. */
export class NotAuthenticatedError extends DomainError {
  constructor(detail?: string, zh?: string) {
    super('unauthorized', 'Not authenticated', detail ?? 'Log in first: send Authorization: Bearer <token>.');
    const chinese = detail === undefined ? '请先登录。' : zh;
    if (chinese !== undefined) {
      this.inChinese(chinese);
    }
  }
}

/** `zh`: the detail in Chinese (answered to zh-CN callers; without it they get the English one). */
export class ForbiddenError extends DomainError {
  constructor(detail: string, zh?: string) {
    super('forbidden', 'Forbidden', detail);
    if (zh !== undefined) {
      this.inChinese(zh);
    }
  }
}

export class NotFoundError extends DomainError {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super('not-found', `${entity} not found`, `No ${entity.toLowerCase()} with id ${id} that you may see.`);
  }
}

/** `zh`: the detail in Chinese (answered to zh-CN callers; without it they get the English one). */
export class ConflictError extends DomainError {
  constructor(title: string, detail: string, zh?: string) {
    super('conflict', title, detail);
    if (zh !== undefined) {
      this.inChinese(zh);
    }
  }
}
