import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type DomainErrorKind, type FieldError } from '../errors/domain.errors.js';

export type ProblemDetails = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
};

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
};

function titleOf(status: number): string {
  const name = HttpStatus[status];
  return typeof name === 'string'
    ? name
        .toLowerCase()
        .split('_')
        .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
        .join(' ')
    : 'Error';
}

type ErrorWithStatus = { statusCode?: number; status?: number; message?: string; code?: string };

/** Maps any error to one problem shape; anything unexpected becomes a logged 500 without internals. */
export function toProblem(error: unknown): ProblemDetails {
  if (error instanceof DomainError) {
    const status = STATUS_BY_KIND[error.kind];
    return {
      type: `https://careloom.dev/problems/${error.kind}`,
      title: error.title,
      status,
      detail: error.message,
      ...(error.errors.length > 0 ? { errors: error.errors } : {}),
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    const message =
      typeof body === 'string'
        ? body
        : typeof body === 'object' && body !== null && 'message' in body
          ? String(body.message)
          : error.message;
    return { type: 'about:blank', title: titleOf(status), status, detail: message };
  }
  const withStatus = error as ErrorWithStatus | null;
  const status = withStatus?.statusCode ?? withStatus?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Errors raised by Fastify itself: malformed JSON, body too large, unsupported media type.
    const detail =
      withStatus?.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? 'The request body is larger than the server accepts.'
        : (withStatus?.message ?? titleOf(status));
    return { type: 'about:blank', title: titleOf(status), status, detail };
  }
  return {
    type: 'about:blank',
    title: 'Internal Server Error',
    status: 500,
    detail: 'Something went wrong on the server; the request id identifies it in the logs.',
  };
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: ProblemDetails): void {
  void reply
    .status(problem.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send({ ...problem, instance: request.url, requestId: String(request.id) });
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = toProblem(exception);
    if (problem.status >= 500) {
      this.logger.error({
        msg: 'unhandled error',
        requestId: String(request.id),
        error: exception instanceof Error ? exception.stack : String(exception),
      });
    }
    sendProblem(reply, request, problem);
  }
}
