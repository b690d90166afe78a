/**
 * The one place the SQL dialect is chosen: SQLite through better-sqlite3 (a file under `data/`,
 * no set-up) or PostgreSQL through pg (a `postgres://` URL, or `DATABASE_URL`), both behind
 * Kysely, both migrated to the latest schema when opened.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { errorMessage, StoreError } from '../core/errors.js';
import { SqlAccountRepository } from './account.repository.js';
import { ArticleRepository } from './article.repository.js';
import { BrowseRepository } from './browse.repository.js';
import type { Database, StoreDialect } from './database.js';
import { DocumentRepository } from './document.repository.js';
import { EntityRepository } from './entity.repository.js';
import { MatchingRepository } from './matching.repository.js';
import { migrationProvider } from './migrations.js';
import { SearchRepository } from './search.repository.js';
import { SqliteCheckpointer } from './sqlite-checkpointer.js';
import { withStatementCache } from './sqlite-statement-cache.js';
import { StatementRepository } from './statement.repository.js';
import { StatsRepository } from './stats.repository.js';
import { SummaryChange, SummaryRepository } from './summary.repository.js';

/** Where the embedded store lives when nothing else is said. */
export const DEFAULT_SQLITE_FILE = 'data/coopatlas.db';

export type StoreLocation = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/**
 * Which store to open: `--db` when given (a `postgres://` URL or an SQLite file), else
 * `DATABASE_URL`, else the embedded file `data/coopatlas.db`.
 *
 * @example storeLocation({ db: 'kb.db' }) // { dialect: 'sqlite', file: '/abs/kb.db' }
 * @example storeLocation({ env: { DATABASE_URL: 'postgres://u@localhost/kb' } }) // { dialect: 'postgres', … }
 */
export function storeLocation(options: { db?: string; env?: NodeJS.ProcessEnv } = {}): StoreLocation {
  const env = options.env ?? process.env;
  const given = options.db ?? env.DATABASE_URL;
  if (given && POSTGRES_URL.test(given)) return { dialect: 'postgres', url: given };
  return { dialect: 'sqlite', file: resolve(options.db ?? DEFAULT_SQLITE_FILE) };
}

/** The outcome of one unit of a batch: its value, or why it was not stored. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** The repositories of one connection or one transaction. */
export interface Repositories {
  documents: DocumentRepository;
  articles: ArticleRepository;
  entities: EntityRepository;
  statements: StatementRepository;
  stats: StatsRepository;
  accounts: SqlAccountRepository;
  search: SearchRepository;
  browse: BrowseRepository;
  matching: MatchingRepository;
}

function repositories(
  db: Kysely<Database>,
  dialect: StoreDialect,
  pendingSummaries?: SummaryChange,
): Repositories {
  return {
    documents: new DocumentRepository(db),
    articles: new ArticleRepository(db),
    entities: new EntityRepository(db),
    statements: new StatementRepository(db),
    stats: new StatsRepository(db, pendingSummaries),
    accounts: new SqlAccountRepository(db),
    search: new SearchRepository(db, dialect),
    browse: new BrowseRepository(db),
    matching: new MatchingRepository(db),
  };
}

/** An open store: its repositories, transactions over them, and the Kysely instance for tests. */
export class Store implements Repositories {
  readonly documents: DocumentRepository;
  readonly articles: ArticleRepository;
  readonly entities: EntityRepository;
  readonly statements: StatementRepository;
  readonly stats: StatsRepository;
  readonly accounts: SqlAccountRepository;
  readonly search: SearchRepository;
  readonly browse: BrowseRepository;
  readonly matching: MatchingRepository;

  /**
   * Repositories for reads that must not wait for a write in progress: on SQLite a connection
   * of its own, which sees what was last committed while a transaction holds the writing one
   * (ingest checks which files are known while the previous group is being written); on
   * PostgreSQL the pool's connections serve both.
   */
  readonly reading: Repositories;

  constructor(
    readonly db: Kysely<Database>,
    readonly dialect: StoreDialect,
    /** Where it is, for messages: the SQLite file, or the PostgreSQL URL without its password. */
    readonly description: string,
    private readonly readingDb?: Kysely<Database>,
    private readonly checkpointer?: SqliteCheckpointer,
  ) {
    this.reading = readingDb ? repositories(readingDb, dialect) : this;
    ({
      documents: this.documents,
      articles: this.articles,
      entities: this.entities,
      statements: this.statements,
      stats: this.stats,
      accounts: this.accounts,
      search: this.search,
      browse: this.browse,
      matching: this.matching,
    } = repositories(db, dialect));
  }

  /**
   * Runs `work` in one transaction: all its writes are stored, or none (a crash, a kill or an
   * error leaves the store as it was before).
   */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => work(repositories(trx, this.dialect)));
  }

  /**
   * Runs each unit of work in a savepoint of one transaction: each unit's writes are stored whole
   * or not at all, a unit that fails is rolled back alone and reported, and the transaction
   * commits once for all of them. A commit costs more than most documents' writes (the pages
   * written to the log, on PostgreSQL a flush to disk), so a batch writer groups the documents
   * that are waiting into one commit; a crash or a kill loses whole units only.
   *
   * The units' changes to the summaries are added up and written once, before the commit, with
   * those of the units that were stored (the documents of a group name mostly the same bodies,
   * whose rows are then written once, not once per document); a unit does not read the summaries.
   *
   * @example
   * const results = await store.transactionOfEach([(tx) => tx.documents.insert(a), (tx) => tx.documents.insert(b)]);
   * results[1]; // { ok: false, error } when b could not be stored; a is stored all the same
   */
  async transactionOfEach<T>(works: ReadonlyArray<(tx: Repositories) => Promise<T>>): Promise<Settled<T>[]> {
    if (works.length === 0) return [];
    const trx = await this.db.startTransaction().execute();
    const results: Settled<T>[] = [];
    const summaries = new SummaryChange();
    try {
      for (const [index, work] of works.entries()) {
        const name = `unit_${index}`;
        const unit = await trx.savepoint(name).execute();
        const unitSummaries = new SummaryChange();
        try {
          const value = await work(repositories(unit, this.dialect, unitSummaries));
          await unit.releaseSavepoint(name).execute();
          summaries.add(unitSummaries);
          results.push({ ok: true, value });
        } catch (error) {
          await unit.rollbackToSavepoint(name).execute();
          await unit.releaseSavepoint(name).execute();
          results.push({ ok: false, error });
        }
      }
      await new SummaryRepository(trx).write(summaries);
      await trx.commit().execute();
      return results;
    } catch (error) {
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
      return works.map(() => ({ ok: false, error }));
    }
  }

  /**
   * Folds SQLite's write-ahead log into the database file once a batch is done, rather than
   * with the next writes: the log may hold up to 100 MB. By default the fold never waits for
   * readers (what they still read stays in the log); `truncate` waits for them and empties the
   * log file too. Nothing to do on PostgreSQL.
   */
  async checkpoint(options: { truncate?: boolean } = {}): Promise<void> {
    if (this.dialect !== 'sqlite') return;
    const mode = options.truncate ? sql.raw('truncate') : sql.raw('passive');
    await sql`pragma wal_checkpoint(${mode})`.execute(this.db);
  }

  async close(): Promise<void> {
    await this.checkpointer?.stop();
    await this.readingDb?.destroy();
    await this.db.destroy();
  }
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

function createKysely(location: StoreLocation): Kysely<Database> {
  if (location.dialect === 'sqlite') {
    mkdirSync(dirname(location.file), { recursive: true });
    const database = new SqliteDatabase(location.file);
    database.pragma('journal_mode = WAL');
    database.pragma('cache_size = -65536');
    database.pragma('foreign_keys = ON');
    // In WAL mode a commit survives a killed process at NORMAL; only a power cut may lose the last ones.
    database.pragma('synchronous = NORMAL');
    database.pragma('busy_timeout = 10000');
    // The log is folded into the file by a thread of its own (SqliteCheckpointer); the writer
    // folds it itself only when it passes 200 MB, which that thread keeps it from reaching.
    database.pragma('wal_autocheckpoint = 50000');
    return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  }
  const pool = new pg.Pool({ connectionString: location.url, max: 4 });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** A second SQLite connection that only reads; opened once the schema is migrated. */
function createReadingKysely(file: string): Kysely<Database> {
  const database = new SqliteDatabase(file, { fileMustExist: true });
  database.pragma('query_only = ON');
  database.pragma('busy_timeout = 10000');
  database.pragma('cache_size = -65536');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
}

/**
 * Opens the store and brings its schema to the latest migration.
 *
 * @example
 * const store = await openStore(storeLocation({ db: 'data/kb.db' }));
 * await store.stats.documentCount();
 * await store.close();
 * @throws StoreError naming the store and the reason when it cannot be opened or migrated.
 */
export async function openStore(location: StoreLocation): Promise<Store> {
  const description = location.dialect === 'sqlite' ? location.file : redact(location.url);
  let db: Kysely<Database>;
  try {
    db = createKysely(location);
  } catch (error) {
    throw new StoreError(`无法打开数据库 ${description} (cannot open the store): ${errorMessage(error)}`, {
      cause: error,
    });
  }
  const migrator = new Migrator({ db, provider: migrationProvider(location.dialect) });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy().catch(() => undefined);
    throw new StoreError(`数据库迁移失败 ${description} (cannot migrate the store): ${errorMessage(error)}`, {
      cause: error,
    });
  }
  if (location.dialect === 'postgres') return new Store(db, location.dialect, description);
  try {
    // Each document of a batch is written in a savepoint, and SQLite keeps the pages a savepoint
    // changes in a journal of its own until it is released: in memory, not written to a
    // temporary file and deleted again (over 1 MB a document). Set once migrated, so that
    // building an index over a large store still sorts through files.
    await sql`pragma temp_store = memory`.execute(db);
    return new Store(
      db,
      location.dialect,
      description,
      createReadingKysely(location.file),
      new SqliteCheckpointer(location.file),
    );
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw new StoreError(`无法打开数据库 ${description} (cannot open the store): ${errorMessage(error)}`, {
      cause: error,
    });
  }
}
