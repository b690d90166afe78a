import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AccountService } from '../../services/accounts.service.js';
import { SESSION_COOKIE, sessionCookie } from '../access.js';
import { ErrorBody, LoginBody, SessionInfo, UserBody, UserInfo } from '../contract.js';

export interface SessionRoutesOptions {
  accounts: AccountService;
  singleUser: boolean;
}

/** Login, logout, the current session, and the administration of users. */
export const sessionRoutes: FastifyPluginAsyncZod<SessionRoutesOptions> = async (
  app,
  { accounts, singleUser },
) => {
  app.get(
    '/api/session',
    { config: { role: 'public' }, schema: { tags: ['session'], response: { 200: SessionInfo } } },
    async (request) => ({
      user: request.user ? { name: request.user.name, role: request.user.role } : null,
      singleUser,
      csrfToken: request.user?.csrfToken,
    }),
  );

  app.post(
    '/api/login',
    {
      config: { role: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ['session'], body: LoginBody, response: { 200: SessionInfo, 401: ErrorBody } },
    },
    async (request, reply) => {
      const { token, user } = await accounts.login(request.body.name, request.body.password);
      reply.setCookie(SESSION_COOKIE, token, sessionCookie(request));
      return { user: { name: user.name, role: user.role }, singleUser, csrfToken: user.csrfToken };
    },
  );

  app.post(
    '/api/logout',
    { config: { role: 'public' }, schema: { tags: ['session'], response: { 204: z.null() } } },
    async (request, reply) => {
      await accounts.logout(request.cookies[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/users',
    { config: { role: 'admin' }, schema: { tags: ['users'], response: { 200: z.array(UserInfo) } } },
    async () => (await accounts.listUsers()).map(({ name, role, created }) => ({ name, role, created })),
  );

  app.post(
    '/api/users',
    {
      config: { role: 'admin' },
      schema: { tags: ['users'], body: UserBody, response: { 201: UserInfo, 409: ErrorBody } },
    },
    async (request, reply) => {
      const { name, role, created } = await accounts.addUser(
        request.body.name,
        request.body.password,
        request.body.role,
      );
      return reply.code(201).send({ name, role, created });
    },
  );
};
