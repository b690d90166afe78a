import type { AccountRepository, SessionRecord, UserRecord } from '../../src/services/accounts.service.js';

/** Users and sessions kept in memory, for tests of the layers above the store. */
export function memoryAccounts(): AccountRepository {
  const users = new Map<string, UserRecord>();
  const sessions = new Map<string, SessionRecord>();
  return {
    findUser: async (name) => users.get(name),
    listUsers: async () => [...users.values()],
    insertUser: async (user) => {
      users.set(user.name, user);
    },
    insertSession: async (session) => {
      sessions.set(session.tokenHash, session);
    },
    findSession: async (hash) => sessions.get(hash),
    deleteSession: async (hash) => {
      sessions.delete(hash);
    },
    deleteExpiredSessions: async (now) => {
      for (const [hash, session] of sessions) if (session.expires <= now) sessions.delete(hash);
    },
  };
}

/** A logged-in user's cookie and CSRF token, as a browser holds them. */
export interface TestSession {
  cookie: string;
  csrf: string;
}

/** Logs each user in (the password is `NAME-password`), as the web app does. */
export async function logInEach(
  app: { inject: (request: { method: 'POST'; url: string; payload: object }) => PromiseLike<LoginResponse> },
  names: readonly string[],
): Promise<Record<string, TestSession>> {
  const sessions: Record<string, TestSession> = {};
  for (const name of names) {
    const response = await app.inject({
      method: 'POST',
      url: '/api/login',
      payload: { name, password: `${name}-password` },
    });
    const cookie = response.cookies.find((c) => c.name === 'coopatlas_session');
    sessions[name] = { cookie: `coopatlas_session=${cookie?.value}`, csrf: response.json().csrfToken };
  }
  return sessions;
}

interface LoginResponse {
  cookies: Array<{ name: string; value: string }>;
  json: () => { csrfToken: string };
}
