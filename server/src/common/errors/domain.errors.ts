/** Domain errors: thrown by services, mapped to application/problem+json by one global filter. */
export type FieldError = { path: string; message: string };

export type DomainErrorKind = 'invalid' | 'unauthorized' | 'forbidden' | 'not-found' | 'conflict';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly title: string,
    detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

export class ValidationFailedError extends DomainError {
  constructor(errors: FieldError[], detail = 'The request has invalid fields; see errors.') {
    super('invalid', 'Validation failed', detail, errors);
  }
}

export class NotAuthenticatedError extends DomainError {
  constructor(detail = 'Log in first: send Authorization: Bearer <token>.') {
    super('unauthorized', 'Not authenticated', detail);
  }
}

export class ForbiddenError extends DomainError {
  constructor(detail: string) {
    super('forbidden', 'Forbidden', detail);
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

export class ConflictError extends DomainError {
  constructor(title: string, detail: string) {
    super('conflict', title, detail);
  }
}
