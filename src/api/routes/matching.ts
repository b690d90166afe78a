/**
 * Technology matching (精准对接) over HTTP: a need matched to the knowledge base's candidates
 * with the reasons; needs kept (from a form or a spreadsheet), and a person's feedback on a match recorded as their statement;
 * the ranking's quality on the needs people judged. Matching is for everyone signed in; keeping
 * needs and judging matches for editors, each write under the editor's name.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { matchingLexicon } from '../../matching/matching-lexicon.js';
import type { NeedInput } from '../../matching/need.js';
import {
  feedbackQuality,
  findNeed,
  importNeeds,
  listNeeds,
  matchNeed,
  recordFeedback,
  saveNeed,
} from '../../services/matching.service.js';
import type { Store } from '../../store/open-store.js';
import { ErrorBody, SheetImportReport } from '../contract.js';
import {
  FeedbackBody,
  FieldList,
  MatchBody,
  MatchingQuality,
  MatchView,
  NeedBody,
  NeedView,
} from './matching.schema.js';
import { uploadedSheet } from './registry.js';

export interface MatchingRoutesOptions {
  store: Store;
}

const Params = z.object({ id: z.string().min(1).max(200) });

/** The need's fields as given, without the ones left out. */
function needOf(body: z.infer<typeof NeedBody>): NeedInput {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as unknown as NeedInput;
}

export const matchingRoutes: FastifyPluginAsyncZod<MatchingRoutesOptions> = async (app, { store }) => {
  const author = (request: { user?: { name: string } | null }) => request.user?.name ?? 'local';

  app.post(
    '/api/matching',
    { schema: { tags: ['matching'], body: MatchBody, response: { 200: MatchView, 400: ErrorBody } } },
    async (request) => {
      const { limit, mode, ...need } = request.body;
      return matchNeed(store, needOf(need), { ...(limit !== undefined ? { limit } : {}), mode });
    },
  );

  app.get(
    '/api/matching/fields',
    { schema: { tags: ['matching'], response: { 200: FieldList } } },
    async () =>
      [...matchingLexicon().fields.values()].map((f) => ({
        id: f.id,
        zh: f.zh,
        en: f.en,
        ...(f.parent ? { parent: f.parent } : {}),
      })),
  );

  app.get(
    '/api/matching/quality',
    { schema: { tags: ['matching'], response: { 200: MatchingQuality } } },
    async () => feedbackQuality(store),
  );

  app.get('/api/needs', { schema: { tags: ['matching'], response: { 200: z.array(NeedView) } } }, async () =>
    listNeeds(store),
  );

  app.post(
    '/api/needs',
    {
      config: { role: 'editor' },
      schema: { tags: ['matching'], body: NeedBody, response: { 200: NeedView, 400: ErrorBody } },
    },
    async (request) => saveNeed(store, needOf(request.body), author(request)),
  );

  app.post(
    '/api/needs/import',
    {
      config: { role: 'editor' },
      schema: {
        tags: ['matching'],
        consumes: ['multipart/form-data'],
        response: { 200: SheetImportReport, 400: ErrorBody },
      },
    },
    async (request) => {
      const { bytes, name } = await uploadedSheet(request);
      return importNeeds(store, bytes, name);
    },
  );

  app.get(
    '/api/needs/:id',
    { schema: { tags: ['matching'], params: Params, response: { 200: NeedView, 404: ErrorBody } } },
    async (request) => findNeed(store, request.params.id),
  );

  app.post(
    '/api/needs/:id/feedback',
    {
      config: { role: 'editor' },
      schema: {
        tags: ['matching'],
        params: Params,
        body: FeedbackBody,
        response: { 200: NeedView, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => recordFeedback(store, request.params.id, request.body, author(request)),
  );
};
