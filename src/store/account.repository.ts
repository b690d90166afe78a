import type { Kysely } from 'kysely';
import type { AccountRepository, Role, SessionRecord, UserRecord } from '../services/accounts.service.js';
import type { Database } from './database.js';

/** Users and their sessions. */
export class SqlAccountRepository implements AccountRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findUser(name: string): Promise<UserRecord | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
    return (
      row && {
        name: row.name,
        role: row.role as Role,
        passwordHash: row.password_hash,
        created: row.created_at,
      }
    );
  }

  async listUsers(): Promise<UserRecord[]> {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('name').execute();
    return rows.map((row) => ({
      name: row.name,
      role: row.role as Role,
      passwordHash: row.password_hash,
      created: row.created_at,
    }));
  }

  async insertUser(user: UserRecord): Promise<void> {
    await this.db
      .insertInto('users')
      .values({
        name: user.name,
        role: user.role,
        password_hash: user.passwordHash,
        created_at: user.created,
      })
      .execute();
  }

  async insertSession(session: SessionRecord): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        token_hash: session.tokenHash,
        user_name: session.userName,
        csrf_token: session.csrfToken,
        expires_at: session.expires,
      })
      .execute();
  }

  async findSession(tokenHash: string): Promise<SessionRecord | undefined> {
    const row = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return (
      row && {
        tokenHash: row.token_hash,
        userName: row.user_name,
        csrfToken: row.csrf_token,
        expires: row.expires_at,
      }
    );
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  async deleteExpiredSessions(now: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  }

  async countUsers(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
