/**
 * The cooperation registry over HTTP: projects listed with their totals, saved from a form,
 * moved along their lifecycle, imported from and exported to spreadsheets; signing batches made
 * from events; the attention list. Reading is for everyone signed in; writing for editors, each
 * write recorded under the editor's name.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InvalidArgumentError } from '../../core/errors.js';
import { registryTotals } from '../../registry/totals.js';
import {
  addRecordItem,
  agreementDraftFromEvent,
  attentionList,
  batchFromEvent,
  exportProjects,
  exportRecords,
  findProject,
  importProjects,
  importRecords,
  listAchievements,
  listAgreements,
  listBatches,
  listPlatforms,
  listProjects,
  moveProject,
  platformDraftFromEvent,
  projectDraftFromEvent,
  projectTemplate,
  saveProject,
  saveRecord,
} from '../../services/registry.service.js';
import type { Store } from '../../store/open-store.js';
import {
  AchievementBody,
  AchievementView,
  Activity,
  AgreementBody,
  AgreementDraft,
  AgreementView,
  AttentionView,
  BatchView,
  Commitment,
  ErrorBody,
  IncubatedCompany,
  MoveBody,
  PlatformBody,
  PlatformDraft,
  PlatformView,
  ProjectBody,
  ProjectDraft,
  ProjectList,
  ProjectStatusCode,
  ProjectView,
  SheetImportReport,
  Transfer,
} from '../contract.js';

export interface RegistryRoutesOptions {
  store: Store;
}

const Params = z.object({ id: z.string().min(1).max(200) });
const Format = z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') });
const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const SORTS = ['name', 'investment', 'signed', 'status'] as const;

/** The one spreadsheet of a multipart upload, with its file name. */
export async function uploadedSheet(request: FastifyRequest): Promise<{ bytes: Buffer; name: string }> {
  if (!request.isMultipart()) {
    throw new InvalidArgumentError(
      '请以 multipart/form-data 上传表格 (upload the spreadsheet as multipart/form-data)',
    );
  }
  const part = await request.file();
  if (!part) throw new InvalidArgumentError('没有收到表格文件 (no spreadsheet received)');
  return { bytes: await part.toBuffer(), name: part.filename || 'upload.xlsx' };
}

export const registryRoutes: FastifyPluginAsyncZod<RegistryRoutesOptions> = async (app, { store }) => {
  const author = (request: { user?: { name: string } | null }) => request.user?.name ?? 'local';

  app.get(
    '/api/registry/projects',
    {
      schema: {
        tags: ['registry'],
        querystring: z.object({
          q: z.string().max(200).default(''),
          status: ProjectStatusCode.optional(),
          zone: z.string().max(200).optional(),
          category: z.string().max(100).optional(),
          sort: z.enum(SORTS).default('name'),
        }),
        response: { 200: ProjectList },
      },
    },
    async (request) => {
      const { q, status, zone, category, sort } = request.query;
      const all = await listProjects(store.reading);
      const items = all.filter(
        (p) =>
          (!status || p.status === status) &&
          (!zone || p.zone === zone) &&
          (!category || p.category === category) &&
          (!q || p.name.includes(q) || p.parties.some((party) => party.includes(q))),
      );
      if (sort === 'investment') items.sort((a, b) => (b.investment ?? 0) - (a.investment ?? 0));
      if (sort === 'signed') items.sort((a, b) => (b.signed ?? '').localeCompare(a.signed ?? ''));
      if (sort === 'status') items.sort((a, b) => a.status.localeCompare(b.status));
      return { items, totals: registryTotals(items) };
    },
  );

  app.get(
    '/api/registry/projects/:id',
    { schema: { tags: ['registry'], params: Params, response: { 200: ProjectView, 404: ErrorBody } } },
    async (request) => findProject(store.reading, request.params.id),
  );

  app.post(
    '/api/registry/projects',
    {
      config: { role: 'editor' },
      schema: {
        tags: ['registry'],
        body: ProjectBody,
        response: { 200: z.object({ project: ProjectView, outcome: z.string() }), 400: ErrorBody },
      },
    },
    async (request) => {
      const { evidence, ...row } = request.body;
      return saveProject(store, row, author(request), new Date().toISOString(), evidence);
    },
  );

  app.get(
    '/api/registry/drafts',
    {
      schema: {
        tags: ['registry'],
        querystring: z.object({ event: z.string().min(1).max(200) }),
        response: { 200: ProjectDraft, 404: ErrorBody },
      },
    },
    async (request) => projectDraftFromEvent(store.reading, request.query.event),
  );

  app.post(
    '/api/registry/projects/:id/move',
    {
      config: { role: 'editor' },
      schema: {
        tags: ['registry'],
        params: Params,
        body: MoveBody,
        response: { 200: ProjectView, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const { to, on, reason } = request.body;
      return moveProject(
        store,
        { id: request.params.id, to, ...(on ? { on } : {}), ...(reason ? { reason } : {}) },
        author(request),
      );
    },
  );

  app.post(
    '/api/registry/projects/import',
    {
      config: { role: 'editor' },
      schema: {
        tags: ['registry'],
        consumes: ['multipart/form-data'],
        response: { 200: SheetImportReport, 400: ErrorBody },
      },
    },
    async (request) => {
      const { bytes, name } = await uploadedSheet(request);
      return importProjects(store, bytes, name);
    },
  );

  app.get(
    '/api/registry/projects/export',
    { schema: { tags: ['registry'], querystring: Format } },
    async (request, reply) => {
      const { format } = request.query;
      const bytes = await exportProjects(store.reading, format);
      return reply
        .header('content-type', CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="projects.${format}"`)
        .send(bytes);
    },
  );

  app.get(
    '/api/registry/template',
    { schema: { tags: ['registry'], querystring: Format } },
    async (request, reply) => {
      const { format } = request.query;
      return reply
        .header('content-type', CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="project-template.${format}"`)
        .send(await projectTemplate(format));
    },
  );

  app.get(
    '/api/registry/batches',
    { schema: { tags: ['registry'], response: { 200: z.object({ items: z.array(BatchView) }) } } },
    async () => ({ items: await listBatches(store.reading) }),
  );

  app.post(
    '/api/registry/batches',
    {
      config: { role: 'editor' },
      schema: {
        tags: ['registry'],
        body: z.object({ event: z.string().min(1).max(200) }),
        response: { 200: BatchView, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => batchFromEvent(store, request.body.event, author(request)),
  );

  // ---- Agreements, platforms and achievements: a form each, and the items they gather.
  const saved = <T extends z.ZodTypeAny>(view: T) => ({
    200: z.object({ record: view, outcome: z.string() }),
    400: ErrorBody,
  });
  const added = <T extends z.ZodTypeAny>(view: T) => ({ 200: view, 400: ErrorBody, 404: ErrorBody });

  app.get(
    '/api/registry/agreements',
    { schema: { tags: ['registry'], response: { 200: z.object({ items: z.array(AgreementView) }) } } },
    async () => ({ items: await listAgreements(store.reading) }),
  );
  app.post(
    '/api/registry/agreements',
    {
      config: { role: 'editor' },
      schema: { tags: ['registry'], body: AgreementBody, response: saved(AgreementView) },
    },
    async (request) => {
      const { evidence, ...input } = request.body;
      return saveRecord(store, 'agreement', input, author(request), new Date().toISOString(), evidence);
    },
  );
  app.get(
    '/api/registry/agreement-drafts',
    {
      schema: {
        tags: ['registry'],
        querystring: z.object({ event: z.string().min(1).max(200) }),
        response: { 200: AgreementDraft, 404: ErrorBody },
      },
    },
    async (request) => agreementDraftFromEvent(store.reading, request.query.event),
  );
  app.post(
    '/api/registry/agreements/:id/commitments',
    {
      config: { role: 'editor' },
      schema: { tags: ['registry'], params: Params, body: Commitment, response: added(AgreementView) },
    },
    async (request) =>
      addRecordItem(
        store,
        request.params.id,
        { kind: 'agreement', property: 'commitment', value: request.body },
        author(request),
      ),
  );

  app.get(
    '/api/registry/platforms',
    { schema: { tags: ['registry'], response: { 200: z.object({ items: z.array(PlatformView) }) } } },
    async () => ({ items: await listPlatforms(store.reading) }),
  );
  app.post(
    '/api/registry/platforms',
    {
      config: { role: 'editor' },
      schema: { tags: ['registry'], body: PlatformBody, response: saved(PlatformView) },
    },
    async (request) => {
      const { evidence, ...input } = request.body;
      return saveRecord(store, 'platform', input, author(request), new Date().toISOString(), evidence);
    },
  );
  app.get(
    '/api/registry/platform-drafts',
    {
      schema: {
        tags: ['registry'],
        querystring: z.object({ event: z.string().min(1).max(200) }),
        response: { 200: PlatformDraft, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => platformDraftFromEvent(store.reading, request.query.event),
  );
  app.post(
    '/api/registry/platforms/:id/activities',
    {
      config: { role: 'editor' },
      schema: { tags: ['registry'], params: Params, body: Activity, response: added(PlatformView) },
    },
    async (request) =>
      addRecordItem(
        store,
        request.params.id,
        { kind: 'platform', property: 'activity', value: request.body },
        author(request),
      ),
  );
  app.post(
    '/api/registry/platforms/:id/companies',
    {
      config: { role: 'editor' },
      schema: { tags: ['registry'], params: Params, body: IncubatedCompany, response: added(PlatformView) },
    },
    async (request) =>
      addRecordItem(
        store,
        request.params.id,
        { kind: 'platform', property: 'company', value: request.body },
        author(request),
      ),
  );

  app.get(
    '/api/registry/achievements',
    { schema: { tags: ['registry'], response: { 200: z.object({ items: z.array(AchievementView) }) } } },
    async () => ({ items: await listAchievements(store.reading) }),
  );
  app.post(
    '/api/registry/achievements',
    {
      config: { role: 'editor' },
      schema: { tags: ['registry'], body: AchievementBody, response: saved(AchievementView) },
    },
    async (request) => saveRecord(store, 'achievement', request.body, author(request)),
  );
  app.post(
    '/api/registry/achievements/:id/transfers',
    {
      config: { role: 'editor' },
      schema: { tags: ['registry'], params: Params, body: Transfer, response: added(AchievementView) },
    },
    async (request) =>
      addRecordItem(
        store,
        request.params.id,
        { kind: 'achievement', property: 'transfer', value: request.body },
        author(request),
      ),
  );

  // ---- The spreadsheets of agreements, platforms and achievements.
  const KIND_PATHS = { agreements: 'agreement', platforms: 'platform', achievements: 'achievement' } as const;
  const KindParams = z.object({ kind: z.enum(['agreements', 'platforms', 'achievements']) });

  app.post(
    '/api/registry/:kind/import',
    {
      config: { role: 'editor' },
      schema: {
        tags: ['registry'],
        params: KindParams,
        consumes: ['multipart/form-data'],
        response: { 200: SheetImportReport, 400: ErrorBody },
      },
    },
    async (request) => {
      const { bytes, name } = await uploadedSheet(request);
      return importRecords(store, KIND_PATHS[request.params.kind], bytes, name);
    },
  );

  app.get(
    '/api/registry/:kind/export',
    { schema: { tags: ['registry'], params: KindParams, querystring: Format } },
    async (request, reply) => {
      const { format } = request.query;
      const kind = request.params.kind;
      return reply
        .header('content-type', CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="${kind}.${format}"`)
        .send(await exportRecords(store.reading, KIND_PATHS[kind], format));
    },
  );

  app.get(
    '/api/attention',
    {
      schema: {
        tags: ['registry'],
        querystring: z.object({
          today: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .optional(),
          months: z.coerce.number().int().min(1).max(120).default(6),
          quietMonths: z.coerce.number().int().min(1).max(120).default(12),
        }),
        response: { 200: AttentionView },
      },
    },
    async (request) => {
      const { today, months, quietMonths } = request.query;
      const day = today ?? new Date().toISOString().slice(0, 10);
      return { items: await attentionList(store.reading, day, { landingMonths: months, quietMonths }) };
    },
  );
};
