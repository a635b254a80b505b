import fs from 'node:fs';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from './config/app-config.js';

const UIS = [
  { prefix: '/designer/', folder: 'designer' },
  { prefix: '/app/', folder: 'runtime-ui' },
];

/** Serves the built designer and runtime UI; their client-side routes fall back to index.html. */
export async function registerUiRoutes(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  // Loaded on demand: only a server that serves the UIs needs it.
  const { default: fastifyStatic } = await import('@fastify/static');
  const fastify = app.getHttpAdapter().getInstance();
  let first = true;
  for (const ui of UIS) {
    const root = path.join(config.uiRoot, ui.folder, 'dist');
    if (!fs.existsSync(path.join(root, 'index.html'))) {
      continue;
    }
    // wildcard: false registers a route per built file, leaving `${prefix}*` free for the SPA fallback.
    await fastify.register(fastifyStatic, { root, prefix: ui.prefix, decorateReply: first, wildcard: false });
    first = false;
    fastify.get(`${ui.prefix}*`, (_request, reply) =>
      reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html', root),
    );
  }
  fastify.get('/', (_request, reply) => reply.redirect('/app/'));
  fastify.get('/designer', (_request, reply) => reply.redirect('/designer/'));
  fastify.get('/app', (_request, reply) => reply.redirect('/app/'));
}
