import type { LoggerService, LogLevel } from '@nestjs/common';

const ORDER: LogLevel[] = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'];
const LEVEL_NAME: Record<LogLevel, string> = {
  verbose: 'trace',
  debug: 'debug',
  log: 'info',
  warn: 'warn',
  error: 'error',
  fatal: 'fatal',
};

/** Nest's own log lines as one JSON object per line, in the same shape as Fastify's request logs. */
export class JsonLogger implements LoggerService {
  private readonly minimum: number;

  constructor(level: string) {
    const index = ORDER.findIndex((l) => LEVEL_NAME[l] === level);
    this.minimum = index === -1 ? 2 : index;
  }

  private write(level: LogLevel, message: unknown, context: unknown): void {
    if (ORDER.indexOf(level) < this.minimum) {
      return;
    }
    const fields = typeof message === 'object' && message !== null ? message : { msg: String(message) };
    const line = JSON.stringify({
      level: LEVEL_NAME[level],
      time: new Date().toISOString(),
      ...(typeof context === 'string' ? { context } : {}),
      ...fields,
    });
    (level === 'error' || level === 'fatal' ? process.stderr : process.stdout).write(line + '\n');
  }

  log(message: unknown, context?: unknown): void {
    this.write('log', message, context);
  }
  error(message: unknown, _trace?: unknown, context?: unknown): void {
    this.write('error', message, context);
  }
  warn(message: unknown, context?: unknown): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: unknown): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: unknown): void {
    this.write('verbose', message, context);
  }
  fatal(message: unknown, context?: unknown): void {
    this.write('fatal', message, context);
  }
}
