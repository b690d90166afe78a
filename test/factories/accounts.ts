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
