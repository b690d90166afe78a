import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryAccounts } from '../../test/factories/accounts.js';
import { AccountService } from '../services/accounts.service.js';
import { buildApp } from './app.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function multiUserApp(): Promise<{ app: FastifyInstance; accounts: AccountService }> {
  const accounts = new AccountService(memoryAccounts());
  await accounts.addUser('admin', 'admin-password', 'admin');
  await accounts.addUser('viewer', 'viewer-password', 'viewer');
  app = await buildApp({ accounts, singleUser: false });
  return { app, accounts };
}

async function login(server: FastifyInstance, name: string, password: string) {
  const response = await server.inject({ method: 'POST', url: '/api/login', payload: { name, password } });
  const cookie = response.cookies.find((c) => c.name === 'coopatlas_session');
  return {
    response,
    cookie: cookie ? `coopatlas_session=${cookie.value}` : '',
    csrf: response.json().csrfToken,
  };
}

describe('the HTTP application', () => {
  it('runs single-user mode as an administrator and says so', async () => {
    app = await buildApp({ accounts: new AccountService(memoryAccounts()), singleUser: true });
    const session = await app.inject({ method: 'GET', url: '/api/session' });
    expect(session.json()).toMatchObject({ singleUser: true, user: { role: 'admin' } });
    expect(session.json().csrfToken).toBeTruthy();
  });

  it('logs a user in with an HttpOnly, SameSite cookie and gives the CSRF token', async () => {
    const { app: server } = await multiUserApp();
    const { response, csrf } = await login(server, 'admin', 'admin-password');
    expect(response.statusCode).toBe(200);
    expect(response.headers['set-cookie']).toMatch(/HttpOnly/);
    expect(response.headers['set-cookie']).toMatch(/SameSite=Lax/);
    expect(csrf).toBeTruthy();
  });

  it('refuses a wrong password with a message for people', async () => {
    const { app: server } = await multiUserApp();
    const { response } = await login(server, 'admin', 'wrong-password');
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: '用户名或密码不正确',
    });
  });

  it('limits the rate of login attempts', async () => {
    const { app: server } = await multiUserApp();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await login(server, 'admin', 'wrong')).response.statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('asks for a login before anything else', async () => {
    const { app: server } = await multiUserApp();
    const response = await server.inject({ method: 'GET', url: '/api/users' });
    expect(response.statusCode).toBe(401);
  });

  it('keeps the users page for administrators', async () => {
    const { app: server } = await multiUserApp();
    const viewer = await login(server, 'viewer', 'viewer-password');
    const denied = await server.inject({
      method: 'GET',
      url: '/api/users',
      headers: { cookie: viewer.cookie },
    });
    expect(denied.statusCode).toBe(403);
    const admin = await login(server, 'admin', 'admin-password');
    const listed = await server.inject({
      method: 'GET',
      url: '/api/users',
      headers: { cookie: admin.cookie },
    });
    expect(
      listed
        .json()
        .map((u: { name: string }) => u.name)
        .sort(),
    ).toEqual(['admin', 'viewer']);
  });

  it('refuses a change without the CSRF token and stores nothing', async () => {
    const { app: server, accounts } = await multiUserApp();
    const admin = await login(server, 'admin', 'admin-password');
    const payload = { name: 'editor', password: 'editor-password', role: 'editor' };
    const refused = await server.inject({
      method: 'POST',
      url: '/api/users',
      payload,
      headers: { cookie: admin.cookie },
    });
    expect(refused.statusCode).toBe(403);
    expect((await accounts.listUsers()).map((u) => u.name)).not.toContain('editor');
    const added = await server.inject({
      method: 'POST',
      url: '/api/users',
      payload,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
    });
    expect(added.statusCode).toBe(201);
  });

  it('answers bad input with 400 and the field at fault', async () => {
    const { app: server } = await multiUserApp();
    const admin = await login(server, 'admin', 'admin-password');
    const response = await server.inject({
      method: 'POST',
      url: '/api/users',
      payload: { name: 'x', password: 'short', role: 'king' },
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('请求参数不正确');
  });

  it('ends a session on logout', async () => {
    const { app: server } = await multiUserApp();
    const admin = await login(server, 'admin', 'admin-password');
    await server.inject({ method: 'POST', url: '/api/logout', headers: { cookie: admin.cookie } });
    const after = await server.inject({
      method: 'GET',
      url: '/api/users',
      headers: { cookie: admin.cookie },
    });
    expect(after.statusCode).toBe(401);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    app = await buildApp({ accounts: new AccountService(memoryAccounts()), singleUser: true });
    const response = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });

  it('publishes its OpenAPI description', async () => {
    app = await buildApp({ accounts: new AccountService(memoryAccounts()), singleUser: true });
    const response = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    expect(Object.keys(response.json().paths)).toContain('/api/login');
  });
});
