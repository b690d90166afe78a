/**
 * Decisions on which entities are one body, over HTTP: merge an entity into another, take a
 * merge back, split names off an entity. Editors decide; each decision is recorded as
 * statements by the person who made it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  type Identity,
  mergeEntities,
  splitEntity,
  unmergeEntity,
} from '../../services/entity-identity.service.js';
import type { Store } from '../../store/open-store.js';
import { ErrorBody, IdentityView } from '../contract.js';

export interface IdentityRoutesOptions {
  store: Store;
}

const EntityId = z.string().min(1).max(200);
const Params = z.object({ id: EntityId });

function present(identity: Identity): z.infer<typeof IdentityView> {
  return {
    id: identity.id,
    members: identity.members,
    splitOff: Object.fromEntries(identity.splitOff),
    ...(identity.splitFrom ? { splitFrom: identity.splitFrom } : {}),
  };
}

const responses = { 200: IdentityView, 400: ErrorBody, 404: ErrorBody };

export const identityRoutes: FastifyPluginAsyncZod<IdentityRoutesOptions> = async (app, { store }) => {
  app.post(
    '/api/entities/:id/merge',
    {
      config: { role: 'editor' },
      schema: { tags: ['entities'], params: Params, body: z.object({ into: EntityId }), response: responses },
    },
    async (request) =>
      present(
        await mergeEntities(store, {
          from: request.params.id,
          into: request.body.into,
          author: request.user?.name ?? 'local',
        }),
      ),
  );

  app.post(
    '/api/entities/:id/unmerge',
    { config: { role: 'editor' }, schema: { tags: ['entities'], params: Params, response: responses } },
    async (request) =>
      present(await unmergeEntity(store, { from: request.params.id, author: request.user?.name ?? 'local' })),
  );

  app.post(
    '/api/entities/:id/split',
    {
      config: { role: 'editor' },
      schema: {
        tags: ['entities'],
        params: Params,
        body: z.object({ names: z.array(z.string().min(1).max(200)).min(1).max(50) }),
        response: responses,
      },
    },
    async (request) =>
      present(
        await splitEntity(store, {
          from: request.params.id,
          names: request.body.names,
          author: request.user?.name ?? 'local',
        }),
      ),
  );
};
