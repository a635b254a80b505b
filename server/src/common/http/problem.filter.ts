import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  DomainError,
  NotFoundError,
  type DomainErrorKind,
  type FieldError,
} from '../errors/domain.errors.js';
import { zhFieldMessage } from './field-messages.zh.js';
import { localeOf, type RequestLocale } from './locale.decorator.js';

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

/** The problem layer's own details in Chinese (a domain error words its own: `DomainError.zh`). */
const ZH_DETAILS: Readonly<Record<string, string>> = {
  'The request has invalid fields; see errors.': '请求中有字段不符合要求，请看各字段的提示。',
  'The request body is larger than the server accepts.': '请求内容超过了服务器允许的大小。',
  'Something went wrong on the server; the request id identifies it in the logs.':
    '服务器出错了；凭请求编号（requestId）可在日志中查到原因。',
};

/** What a not-found error names, in Chinese (the English name otherwise). */
const ZH_ENTITIES: Readonly<Record<string, string>> = {
  'API token': 'API 令牌',
  Calendar: '日历',
  Dashboard: '看板',
  Form: '表单',
  'Form version': '表单版本',
  Incident: '异常',
  Notice: '公告',
  Notification: '通知',
  'Org unit': '组织单元',
  Process: '流程',
  'Process instance': '流程实例',
  Record: '记录',
  Report: '报表',
  Resident: '长者',
  Revision: '修订记录',
  Rule: '规则',
  'Rule version': '规则版本',
  'Shipped bundle': '内置模板包',
  Task: '任务',
  'Work order': '工单',
};

const zhText = (text: string): string => ZH_DETAILS[text] ?? zhFieldMessage(text);

/**
 * `problem` in the caller's language: for zh-CN (the default) the request-shape checks' field messages, the
 * problem layer's own details, not-found answers and the domain errors worded in Chinese (`DomainError.zh`); other
 * domain details stay English.
 */
export function localisedProblem(
  problem: ProblemDetails,
  error: unknown,
  locale: RequestLocale,
): ProblemDetails {
  if (locale !== 'zh-CN') {
    return problem;
  }
  const worded = error instanceof DomainError ? error.zh : null;
  const detail =
    worded?.detail ??
    (error instanceof NotFoundError
      ? `找不到 id 为 ${error.id} 的${ZH_ENTITIES[error.entity] ?? error.entity}，或您无权查看。`
      : zhText(problem.detail));
  return {
    ...problem,
    detail,
    ...(problem.errors
      ? {
          errors: problem.errors.map((e, i) => ({
            ...e,
            message: worded?.messages?.[i] ?? zhText(e.message),
          })),
        }
      : {}),
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
    const problem = localisedProblem(
      toProblem(exception),
      exception,
      localeOf(request.headers['accept-language']),
    );
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
