/**
 * The knowledge base over HTTP: dashboard, search, documents (list, view, upload), entities,
 * and the review queue. Thin: validate, call a service, answer.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InvalidArgumentError } from '../../core/errors.js';
import type { ExtractionPool } from '../../services/extraction-pool.js';
import { ingestPaths } from '../../services/ingest-files.service.js';
import {
  dashboard,
  decide,
  documentSummary,
  documentView,
  entityEvents,
  entityPage,
  entityStatements,
  findEntities,
  reviewQueue,
} from '../../services/knowledge.service.js';
import { search } from '../../services/search.service.js';
import type { Store } from '../../store/open-store.js';
import {
  Dashboard,
  DocumentSummary,
  DocumentView,
  EntityListQuery,
  EntityPage,
  EntitySummary,
  ErrorBody,
  EventPage,
  IngestReport,
  ReviewDecision,
  SearchQuery,
  SearchResult,
  Statement,
  StatementPage,
} from '../contract.js';

export interface KnowledgeRoutesOptions {
  store: Store;
  /** Extraction workers for uploads, made on first use. */
  pool: () => ExtractionPool;
  /** Where uploaded files are kept; the store records their path. */
  uploadDir: string;
  uploadLimitBytes: number;
}

const Id = z.object({ id: z.string().min(1).max(200) });
const Page = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
const SUPPORTED = /\.(txt|text|html?|pdf|docx)$/i;

/** A file name kept to its last part, with nothing that could leave the upload folder. */
function safeName(name: string): string {
  const last = basename(name.replaceAll('\\', '/')).replace(/[^\p{L}\p{N}._ -]/gu, '_');
  return last.replace(/^\.+/, '') || 'upload';
}

function stamp(): string {
  const now = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${now}-${randomBytes(3).toString('hex')}`;
}

export const knowledgeRoutes: FastifyPluginAsyncZod<KnowledgeRoutesOptions> = async (app, options) => {
  const { store } = options;

  app.get('/api/dashboard', { schema: { tags: ['dashboard'], response: { 200: Dashboard } } }, async () =>
    dashboard(store),
  );

  app.get(
    '/api/search',
    { schema: { tags: ['search'], querystring: SearchQuery, response: { 200: SearchResult } } },
    async (request) => {
      const { q, limit, offset, ...filters } = request.query;
      return search(store, { q, limit, offset, ...filters });
    },
  );

  app.get(
    '/api/documents',
    {
      schema: {
        tags: ['documents'],
        querystring: Page,
        response: { 200: z.object({ items: z.array(DocumentSummary), total: z.number().int() }) },
      },
    },
    async (request) => {
      const page = await store.browse.documents(request.query.limit, request.query.offset);
      return { items: page.items.map(documentSummary), total: page.total };
    },
  );

  app.get(
    '/api/documents/:id',
    { schema: { tags: ['documents'], params: Id, response: { 200: DocumentView, 404: ErrorBody } } },
    async (request) => documentView(store, request.params.id),
  );

  app.post(
    '/api/documents',
    {
      config: { role: 'editor' },
      schema: {
        tags: ['documents'],
        consumes: ['multipart/form-data'],
        response: { 200: IngestReport, 400: ErrorBody },
      },
    },
    async (request) => {
      if (!request.isMultipart()) {
        throw new InvalidArgumentError(
          '请以 multipart/form-data 上传文件 (upload files as multipart/form-data)',
        );
      }
      const folder = join(options.uploadDir, stamp());
      await mkdir(folder, { recursive: true });
      const names: string[] = [];
      const skipped: Array<{ name: string; reason: string }> = [];
      for await (const part of request.files()) {
        const name = safeName(part.filename);
        const bytes = await part.toBuffer();
        if (!SUPPORTED.test(name)) {
          skipped.push({ name, reason: '不支持的格式，只接受 txt、html、pdf、docx (unsupported format)' });
          continue;
        }
        let unique = name;
        for (let n = 2; names.includes(unique); n++) unique = `${n}-${name}`;
        await writeFile(join(folder, unique), bytes);
        names.push(unique);
      }
      if (names.length === 0 && skipped.length === 0) {
        throw new InvalidArgumentError('没有收到文件 (no file received)');
      }
      const summary = names.length
        ? await ingestPaths(store, [folder], { pool: options.pool(), maxBytes: options.uploadLimitBytes })
        : { files: [] };
      return {
        files: [
          ...summary.files.map((f) => ({
            name: basename(f.path),
            outcome: f.outcome,
            ...(f.documentId ? { documentId: f.documentId } : {}),
            ...(f.error ? { reason: f.error.message } : {}),
            ...(f.statements !== undefined ? { facts: f.statements } : {}),
          })),
          ...skipped.map((s) => ({ name: s.name, outcome: 'failed' as const, reason: s.reason })),
        ],
      };
    },
  );

  app.get(
    '/api/entities',
    {
      schema: {
        tags: ['entities'],
        querystring: z.object({
          q: z.string().max(200).default(''),
          type: z.enum(['organization', 'person', 'place', 'event']).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: z.object({ items: z.array(EntitySummary) }) },
      },
    },
    async (request) => findEntities(store, request.query.q, request.query.type, request.query.limit),
  );

  app.get(
    '/api/entities/:id',
    { schema: { tags: ['entities'], params: Id, response: { 200: EntityPage, 404: ErrorBody } } },
    async (request) => entityPage(store, request.params.id),
  );

  app.get(
    '/api/entities/:id/statements',
    {
      schema: {
        tags: ['entities'],
        params: Id,
        querystring: EntityListQuery,
        response: { 200: StatementPage },
      },
    },
    async (request) => entityStatements(store, request.params.id, request.query.limit, request.query.offset),
  );

  app.get(
    '/api/entities/:id/events',
    {
      schema: { tags: ['entities'], params: Id, querystring: EntityListQuery, response: { 200: EventPage } },
    },
    async (request) => entityEvents(store, request.params.id, request.query.limit, request.query.offset),
  );

  app.get(
    '/api/review',
    {
      config: { role: 'editor' },
      schema: {
        tags: ['review'],
        querystring: Page.extend({
          documentId: z.string().max(200).optional(),
          property: z.string().max(40).optional(),
        }),
        response: { 200: z.object({ items: z.array(Statement), total: z.number().int() }) },
      },
    },
    async (request) => {
      const { limit, offset, documentId, property } = request.query;
      return reviewQueue(
        store,
        { ...(documentId ? { documentId } : {}), ...(property ? { property } : {}) },
        limit,
        offset,
      );
    },
  );

  app.post(
    '/api/statements/:id/review',
    {
      config: { role: 'editor' },
      schema: {
        tags: ['review'],
        params: Id,
        body: ReviewDecision,
        response: { 200: Statement, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => decide(store, request.params.id, request.body, request.user?.name ?? 'local'),
  );
};
