/**
 * Users, passwords and sessions. Passwords are kept as scrypt hashes; a session is a random
 * token of which only the hash is stored, with its own CSRF token for changes.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { AccessError, CoopAtlasError, InvalidArgumentError } from '../core/errors.js';

export type Role = 'viewer' | 'editor' | 'admin';

const ROLE_RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };
export const ROLES = Object.keys(ROLE_RANK) as Role[];

export interface UserRecord {
  name: string;
  role: Role;
  passwordHash: string;
  created: string;
}

export interface SessionRecord {
  /** sha256 of the token held by the browser. */
  tokenHash: string;
  userName: string;
  csrfToken: string;
  expires: string;
}

/** Where users and sessions are kept (the store implements it). */
export interface AccountRepository {
  findUser(name: string): Promise<UserRecord | undefined>;
  listUsers(): Promise<UserRecord[]>;
  insertUser(user: UserRecord): Promise<void>;
  insertSession(session: SessionRecord): Promise<void>;
  findSession(tokenHash: string): Promise<SessionRecord | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteExpiredSessions(now: string): Promise<void>;
}

export interface SessionUser {
  name: string;
  role: Role;
  csrfToken: string;
}

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, length: number) => Promise<Buffer>;
const KEY_LENGTH = 32;
const SESSION_DAYS = 7;

/** `scrypt$salt$hash`, both base64. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password.normalize('NFKC'), salt, KEY_LENGTH);
  return `scrypt$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scryptAsync(password.normalize('NFKC'), Buffer.from(salt, 'base64'), expected.length);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Whether `role` may do what needs `needed`. */
export function hasRole(role: Role, needed: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[needed];
}

export class AccountService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Adds a user; the name must be new and the password at least 8 characters. */
  async addUser(name: string, password: string, role: Role): Promise<UserRecord> {
    const trimmed = name.trim();
    if (!trimmed) throw new InvalidArgumentError('用户名不能为空 (the user name is empty)');
    if (password.length < 8) {
      throw new InvalidArgumentError('密码至少需要 8 个字符 (the password needs at least 8 characters)');
    }
    if (!ROLES.includes(role)) {
      throw new InvalidArgumentError(`未知角色“${role}”，应为 viewer、editor 或 admin (unknown role)`);
    }
    if (await this.accounts.findUser(trimmed)) {
      throw new CoopAtlasError('CONFLICT', `用户“${trimmed}”已存在 (user ${trimmed} already exists)`);
    }
    const user: UserRecord = {
      name: trimmed,
      role,
      passwordHash: await hashPassword(password),
      created: this.now().toISOString(),
    };
    await this.accounts.insertUser(user);
    return user;
  }

  listUsers(): Promise<UserRecord[]> {
    return this.accounts.listUsers();
  }

  /** Checks the password and opens a session; returns the token for the cookie. */
  async login(name: string, password: string): Promise<{ token: string; user: SessionUser }> {
    const user = await this.accounts.findUser(name.trim());
    // The same work and the same answer whether the user exists or not.
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) {
      throw new AccessError('INVALID_CREDENTIALS', '用户名或密码不正确 (wrong user name or password)');
    }
    const token = newToken();
    const expires = new Date(this.now().getTime() + SESSION_DAYS * 86_400_000).toISOString();
    const csrfToken = newToken();
    await this.accounts.deleteExpiredSessions(this.now().toISOString());
    await this.accounts.insertSession({
      tokenHash: tokenHash(token),
      userName: user.name,
      csrfToken,
      expires,
    });
    return { token, user: { name: user.name, role: user.role, csrfToken } };
  }

  /** The user of a session token, if the session is open. */
  async session(token: string | undefined): Promise<SessionUser | undefined> {
    if (!token) return undefined;
    const session = await this.accounts.findSession(tokenHash(token));
    if (!session || session.expires <= this.now().toISOString()) return undefined;
    const user = await this.accounts.findUser(session.userName);
    return user ? { name: user.name, role: user.role, csrfToken: session.csrfToken } : undefined;
  }

  async logout(token: string | undefined): Promise<void> {
    if (token) await this.accounts.deleteSession(tokenHash(token));
  }
}

const DUMMY_HASH = 'scrypt$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
