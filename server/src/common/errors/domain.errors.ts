/** Domain errors: thrown by services, mapped to application/problem+json by one global filter. */
export type FieldError = { path: string; message: string };

export type DomainErrorKind = 'invalid' | 'unauthorized' | 'forbidden' | 'not-found' | 'conflict';

/**
 * An error's Chinese wording: its detail (without it, the problem layer words a generic one), and its field
 * messages in the order of `errors` (where it has one).
 */
export type ZhWording = { detail?: string; messages?: readonly string[] };

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
    this.zh = { detail, ...(messages.length > 0 ? { messages } : {}) };
  }

  /** Gives the error's field messages in Chinese, its detail being the generic one (see `inChinese`). */
  protected fieldsInChinese(...messages: string[]): void {
    this.zh = { messages };
  }
}

export class ValidationFailedError extends DomainError {
  constructor(errors: FieldError[], detail = 'The request has invalid fields; see errors.') {
    super('invalid', 'Validation failed', detail, errors);
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
