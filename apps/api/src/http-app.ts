import { type INestApplication, RequestMethod, VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import { AppModule } from './app.module';
import { toErrorResponse } from './common/http/domain-exception.filter';
import { errorBody } from './common/http/error-status';
import { inputGuard } from './common/http/input-guard';
import { serveWeb } from './common/http/serve-web';
import { requestId } from './common/http/request-id';
import { securityHeaders } from './common/http/security-headers';
import { requestBudget } from './common/rate-limit/rate-limit.guard';
import { RateLimitService } from './common/rate-limit/rate-limit.service';
import { type AppConfig, loggerLevels } from './config/app-config';
import { RedisIoAdapter } from './infra/realtime/redis-io.adapter';

/** Builds the HTTP app (used by main.ts and by the e2e tests), not yet listening. */
export async function createHttpApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    logger: loggerLevels(config.logLevel),
  });
  // Who the client is (X-Forwarded-For) and whether it used HTTPS (X-Forwarded-Proto) are taken
  // from TRUST_PROXY peers only: per-address limits and the Secure cookie depend on it.
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // No ETag on API answers: hashing every JSON body cost more than the rare 304 saved (0016).
  app.set('etag', false);
  app.use(requestId);
  app.use(securityHeaders(config));
  // The per-address budget of every API call, before the body is read or the token checked.
  app.use('/api', requestBudget(app.get(RateLimitService)));
  app.use('/.well-known', requestBudget(app.get(RateLimitService)));
  app.use(cookieParser());
  app.use(express.json({ limit: '100kb' }));
  // body-parser and budget errors (malformed JSON, too large, 429) answer in the shared shape.
  app.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!err) return next();
    const { status, code, message, details, retryAfterSeconds } = toErrorResponse(err);
    if (retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(retryAfterSeconds));
    res.status(status).json(errorBody(code, message, req.id ?? '-', details));
  });
  app.use(inputGuard);
  if (config.webDist) serveWeb(app, config.webDist);
  // The JWKS lives at the origin's root (RFC 8615), where verifiers look for it.
  app.setGlobalPrefix('api', {
    exclude: [{ path: '.well-known/jwks.json', method: RequestMethod.GET }],
  });
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useWebSocketAdapter(new RedisIoAdapter(app, config.redisUrl));
  app.enableShutdownHooks();

  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Partagora API')
      .setDescription(
        'Hyperlocal sharing for French towns. Errors: {"error":{"code","message","details"?,"requestId"}}.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  // The schemas come from zod as JSON Schema 2020-12, which is what OpenAPI 3.1 speaks (3.0 does not).
  doc.openapi = '3.1.0';
  SwaggerModule.setup('api/docs', app, doc, {
    jsonDocumentUrl: 'api/docs-json',
  });
  return app;
}
