/**
 * Who is asking, and may they: the session cookie gives the user, each route says the least
 * role it needs (`config.role`), and every change carries the session's CSRF token.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AccessError } from '../core/errors.js';
import { type AccountService, hasRole, type Role, type SessionUser } from '../services/accounts.service.js';

export const SESSION_COOKIE = 'coopatlas_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | undefined;
  }
  interface FastifyContextConfig {
    /** The least role the route needs; `public` for login and the session itself. */
    role?: Role | 'public';
  }
}

export interface AccessOptions {
  accounts: AccountService;
  /** The laptop default: no login, the one user is an administrator. */
  singleUser: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerAccess(app: FastifyInstance, { accounts, singleUser }: AccessOptions): void {
  // In single-user mode the CSRF token is fixed for the life of the process: only a page of
  // the same origin can read it from /api/session.
  const singleUserCsrf = createHmac('sha256', randomBytes(32)).update('single-user').digest('base64url');
  app.decorateRequest('user', undefined);

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    request.user = singleUser
      ? { name: 'local', role: 'admin', csrfToken: singleUserCsrf }
      : await accounts.session(request.cookies[SESSION_COOKIE]);
  });

  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const needed = request.routeOptions.config.role ?? 'viewer';
    if (needed === 'public') return;
    const user = request.user;
    if (!user) throw new AccessError('NOT_AUTHENTICATED', '请先登录 (please log in)');
    if (!hasRole(user.role, needed)) {
      throw new AccessError('FORBIDDEN', `此操作需要“${needed}”权限 (this needs the ${needed} role)`);
    }
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== user.csrfToken) {
      throw new AccessError(
        'FORBIDDEN',
        '请求缺少有效的 CSRF 令牌，请刷新页面 (missing or wrong CSRF token)',
      );
    }
  });
}

/** Cookie options: HttpOnly, SameSite=Lax, Secure when the request came over TLS. */
export function sessionCookie(request: FastifyRequest) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: request.protocol === 'https',
    maxAge: 7 * 86_400,
  };
}
