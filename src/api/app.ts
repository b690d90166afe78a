/**
 * The HTTP application: Fastify with zod-validated routes, OpenAPI at /api/docs, the access
 * rules of `access.ts`, and the built web app served from `webRoot` for every other path.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { EXTRACTOR_VERSION } from '../extract/version.js';
import type { AccountService } from '../services/accounts.service.js';
import { registerAccess } from './access.js';
import { errorBody, handleError } from './http-errors.js';
import { identityRoutes } from './routes/identity.js';
import { type KnowledgeRoutesOptions, knowledgeRoutes } from './routes/knowledge.js';
import { matchingRoutes } from './routes/matching.js';
import { registryRoutes } from './routes/registry.js';
import { reportRoutes } from './routes/report.js';
import { sessionRoutes } from './routes/session.js';

export interface AppOptions {
  accounts: AccountService;
  singleUser: boolean;
  /** The built web app (`dist/web`); not served when absent. */
  webRoot?: string;
  logger?: FastifyServerOptions['logger'];
  /** Largest upload per file, in bytes. */
  uploadLimitBytes?: number;
  /** The knowledge base's routes; without them the app serves sessions and users only. */
  knowledge?: Omit<KnowledgeRoutesOptions, 'uploadLimitBytes'>;
}

export const DEFAULT_UPLOAD_LIMIT = 50 * 1024 * 1024;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: true,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart, {
    limits: { fileSize: options.uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT, files: 50, fields: 10 },
    throwFileSizeLimit: true,
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'CoopAtlas 科技合作图谱 API',
        description: '科技合作文档的溯源知识库 (a sourced knowledge base of S&T cooperation documents)',
        version: EXTRACTOR_VERSION,
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerAccess(app, { accounts: options.accounts, singleUser: options.singleUser });
  await app.register(sessionRoutes, { accounts: options.accounts, singleUser: options.singleUser });
  if (options.knowledge) {
    await app.register(knowledgeRoutes, {
      ...options.knowledge,
      uploadLimitBytes: options.uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT,
    });
    await app.register(identityRoutes, { store: options.knowledge.store });
    await app.register(registryRoutes, { store: options.knowledge.store });
    await app.register(reportRoutes, { store: options.knowledge.store });
    await app.register(matchingRoutes, { store: options.knowledge.store });
  }

  const webRoot = options.webRoot;
  const hasWeb = webRoot !== undefined && existsSync(join(webRoot, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !hasWeb) {
      return reply
        .code(404)
        .send(errorBody('NOT_FOUND', `没有这个地址：${request.method} ${request.url} (no such route)`));
    }
    // The app's own routes (/documents/12, /entities/…) are answered by the app.
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
