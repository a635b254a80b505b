import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { BUNDLE_LIMITS } from '@careloom/contracts';
import { AppModule } from './app.module.js';
import { createValidationPipe } from './common/http/validation.pipe.js';
import { JsonLogger } from './common/logging/json.logger.js';
import type { AppConfig } from './config/app-config.js';
import type { DatabaseInfo } from './database/database-info.js';
import { registerUiRoutes } from './ui-routes.js';

export type CreateAppOptions = { logRequests?: boolean; serveUi?: boolean };

export function buildOpenApiConfig() {
  return new DocumentBuilder()
    .setTitle('CareLoom API')
    .setDescription('Forms, processes and rules for elder care. Errors are application/problem+json.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
}

/** Builds the configured application (not yet listening): used by main.ts and by the integration tests. */
export async function createApp(
  config: AppConfig,
  database: DatabaseInfo,
  options: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    // Request logs as JSON lines shaped like JsonLogger's: level name, ISO time, request id.
    logger:
      options.logRequests === false
        ? false
        : {
            level: config.logLevel,
            base: undefined,
            formatters: { level: (label: string) => ({ level: label }) },
            timestamp: () => `,"time":"${new Date().toISOString()}"`,
          },
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, database), adapter, {
    logger: new JsonLogger(config.logLevel),
    // JSON bodies are parsed by the parser registered below, not by Nest's.
    bodyParser: false,
  });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance();
  // An empty body sent with Content-Type: application/json (curl -H … -X POST) means "no body",
  // not a 400: actions like POST /forms/{id}/publish take none.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') {
      done(null, undefined);
      return;
    }
    void parseJson(request, typeof body === 'string' ? body : body.toString('utf8'), done);
  });
  // Template bundles may be uploaded as .zip archives (read and checked by the bundles module).
  fastify.addContentTypeParser(
    ['application/zip', 'application/x-zip-compressed'],
    { parseAs: 'buffer', bodyLimit: BUNDLE_LIMITS.maxTotalBytes },
    (_request, body, done) => done(null, body),
  );
  // A callback hook, not an async one: it runs on every answer, and a promise per request is measurable.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', String(request.id));
    done(null, payload);
  });

  const document = SwaggerModule.createDocument(app, buildOpenApiConfig());
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  if (options.serveUi !== false) {
    await registerUiRoutes(app, config);
  }
  return app;
}
