import 'reflect-metadata';
import fs from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { buildOpenApiConfig } from './app.factory.js';
import { AppModule } from './app.module.js';
import { loadConfig } from './config/app-config.js';

/** Writes the OpenAPI document without a database (Nest preview mode builds no providers). */
async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) {
    throw new Error('usage: node dist/openapi.js <output.json>');
  }
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(loadConfig({}), { url: 'postgres://unused', embedded: false }),
    new FastifyAdapter(),
    { preview: true, logger: false },
  );
  app.setGlobalPrefix('api');
  const document = SwaggerModule.createDocument(app, buildOpenApiConfig());
  fs.writeFileSync(out, JSON.stringify(document, null, 2) + '\n');
  await app.close();
}

await main();
