/**
 * Who is using the app: the session the server knows, read once at start and after logging in
 * or out. Roles only decide what the app offers; the server checks every request itself.
 */
import { reactive } from 'vue';
import { api, setCsrfToken } from './api/client';
import type { Role, SessionInfo } from './api/types';

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

export const session = reactive({
  loaded: false,
  user: null as SessionInfo['user'],
  singleUser: false,
  /** Why the session could not be read (the server is down …), shown instead of the app. */
  error: undefined as unknown,
});

function apply(info: SessionInfo): void {
  session.user = info.user;
  session.singleUser = info.singleUser;
  setCsrfToken(info.csrfToken);
  session.loaded = true;
  session.error = undefined;
}

let pending: Promise<void> | undefined;

/** Reads the session once; later calls wait for the same answer. */
export function loadSession(): Promise<void> {
  pending ??= api.session().then(apply, (error: unknown) => {
    session.error = error;
    pending = undefined;
  });
  return pending;
}

export async function logIn(name: string, password: string): Promise<void> {
  apply(await api.login({ name, password }));
}

export async function logOut(): Promise<void> {
  try {
    await api.logout();
  } finally {
    session.user = null;
    setCsrfToken(undefined);
  }
}

/** The session ended on the server's side (it answered 401). */
export function forgetUser(): void {
  session.user = null;
  setCsrfToken(undefined);
}

/** Whether the current user has at least this role. */
export function can(role: Role): boolean {
  return session.user !== null && RANK[session.user.role] >= RANK[role];
}
