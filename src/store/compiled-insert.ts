/**
 * Multi-row INSERTs whose SQL is compiled once per number of rows and then only given new
 * values. Building and compiling Kysely's query tree for a hundred rows of fourteen columns
 * costs more than SQLite's own work on them; the SQL text depends on the dialect and the number
 * of rows alone, so it is made once from a sample and kept.
 */
import { CompiledQuery, type Kysely } from 'kysely';
import { batches } from './batches.js';
import type { Database } from './database.js';

type Compile<Row> = (db: Kysely<Database>, rows: Row[]) => { sql: string };

/**
 * An INSERT of rows of one shape, in slices (see `batches`) whose SQL is kept per dialect and size.
 *
 * @example
 * const insertStatements = new CompiledInsert(COLUMNS, (db, rows) =>
 *   db.insertInto('statements').values(rows).onConflict((oc) => oc.doNothing()).compile());
 * await insertStatements.run(db, rows);
 */
export class CompiledInsert<Row extends Record<string, unknown>, Returned = unknown> {
  /** SQL by dialect adapter (one per engine, shared by its transactions), then by row count. */
  private readonly texts = new WeakMap<object, Map<number, string>>();

  constructor(
    /** Every row has exactly these columns, in this order. */
    private readonly columns: ReadonlyArray<keyof Row & string>,
    private readonly compile: Compile<Row>,
  ) {}

  /** Inserts the rows; returns the rows the INSERT's RETURNING clause gives, if it has one. */
  async run(db: Kysely<Database>, rows: readonly Row[]): Promise<Returned[]> {
    const returned: Returned[] = [];
    for (const batch of batches(rows)) {
      const parameters: unknown[] = [];
      for (const row of batch) for (const column of this.columns) parameters.push(row[column]);
      const result = await db.executeQuery<Returned>(CompiledQuery.raw(this.sqlFor(db, batch), parameters));
      for (const row of result.rows) returned.push(row);
    }
    return returned;
  }

  private sqlFor(db: Kysely<Database>, batch: Row[]): string {
    const adapter = db.getExecutor().adapter;
    let bySize = this.texts.get(adapter);
    if (!bySize) {
      bySize = new Map();
      this.texts.set(adapter, bySize);
    }
    let text = bySize.get(batch.length);
    if (text === undefined) {
      // Compiled from the rows themselves: Kysely lists the columns in the order the rows give them.
      text = this.compile(db, batch).sql;
      bySize.set(batch.length, text);
    }
    return text;
  }
}
