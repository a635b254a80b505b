import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

export type RequestLocale = 'zh-CN' | 'en';

/** zh-CN unless the caller's Accept-Language prefers English. */
export function localeOf(acceptLanguage: string | undefined): RequestLocale {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

/** The language field messages are written in for this request. */
export const Locale = createParamDecorator((_data: unknown, context: ExecutionContext): RequestLocale =>
  localeOf(context.switchToHttp().getRequest<FastifyRequest>().headers['accept-language']),
);
