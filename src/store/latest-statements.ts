/**
 * An entity's statements, latest first, a page at a time. A statement drawn from a document has
 * the time its document came into the store: a re-extraction says again what the document said
 * then. What a person or an import states has its own time.
 *
 * No index orders every statement by entity and time (migration 0009 says why), so there are two
 * ways to a page. An entity's statements can all be read and sorted, at a cost that grows with
 * how many it has. Or they are found in the latest documents, newest first, until the page is
 * full, beside the few statements that people and imports made of it, which an index of their
 * own keeps in order; that costs the documents looked at, fewer the more of them name the entity
 * (中国科学院, named in every other document, fills a page from the latest few). The cheaper way
 * is taken. Both give the same order: time, then id, both descending.
 */
import { type ExpressionBuilder, type Kysely, type Selectable, sql } from 'kysely';
import type { Database, StatementTable } from './database.js';

export type TimedStatementRow = Selectable<StatementTable> & { time: string };

/** Which statements of the entities are listed. */
export interface StatementFilter {
  /** Only these properties. */
  properties?: readonly string[];
  /** Only what a document said of the entity: statements citing a span, not rejected. */
  cited?: boolean;
}

export interface LatestPage {
  limit: number;
  offset: number;
  filter?: StatementFilter;
}

/**
 * What a document looked at costs against a statement read and sorted, measured on SQLite: a
 * look at 256 documents takes about what sorting 800 statements does.
 */
const DOCUMENT_COST = 3;

/** Documents looked at together when a large entity's statements are found from the latest documents. */
export const DOCUMENTS_AT_ONCE = 256;

type StatementsAs = Database & { s: StatementTable };

function filtered(eb: ExpressionBuilder<StatementsAs, 's'>, filter: StatementFilter = {}) {
  const terms = [];
  if (filter.properties) terms.push(eb('s.property', 'in', [...filter.properties]));
  if (filter.cited) {
    terms.push(eb('s.document_id', 'is not', null));
    terms.push(eb('s.status', '<>', 'rejected'));
  }
  return eb.and(terms);
}

const latestFirst = (a: TimedStatementRow, b: TimedStatementRow) =>
  a.time === b.time ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.time < b.time ? 1 : -1;

/**
 * Whether a page is cheaper found in the latest documents than sorted: an entity with `size`
 * statements among `documents` has one in every `documents / size` of them, so the page's
 * statements are found after looking at about `wanted × documents / size` documents.
 */
export function fromDocumentsIsCheaper(size: number, wanted: number, documents: number): boolean {
  return size > 0 && DOCUMENT_COST * wanted * documents < size * size;
}

/**
 * A page of the entities' statements, latest first; `size` is how many statements they have
 * (their summary's count), which with the store's count of documents chooses the way to the page.
 *
 * @example await latestStatements(db, [CAS], 20_000, { limit: 20, offset: 0 }) // the 20 latest
 */
export async function latestStatements(
  db: Kysely<Database>,
  entityIds: readonly string[],
  size: number,
  page: LatestPage,
  documentsAtOnce = DOCUMENTS_AT_ONCE,
): Promise<TimedStatementRow[]> {
  if (entityIds.length === 0 || page.limit <= 0) return [];
  const documents = await documentCount(db);
  return fromDocumentsIsCheaper(size, page.offset + page.limit, documents)
    ? fromLatestDocuments(db, entityIds, page, documentsAtOnce)
    : sorted(db, entityIds, page);
}

/** The store's documents, as its summary counts them. */
async function documentCount(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('summary_counts')
    .select('count')
    .where('metric', '=', 'documents')
    .where('key', '=', '')
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

async function sorted(db: Kysely<Database>, ids: readonly string[], page: LatestPage) {
  return db
    .selectFrom('statements as s')
    .leftJoin('documents as d', (join) =>
      join.onRef('d.id', '=', 's.document_id').on('s.origin', '=', 'extracted'),
    )
    .selectAll('s')
    .select(sql<string>`coalesce(d.ingested_at, s.created_at)`.as('time'))
    .where('s.entity_id', 'in', [...ids])
    .where((eb) => filtered(eb, page.filter))
    .orderBy('time', 'desc')
    .orderBy('s.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

async function fromLatestDocuments(
  db: Kysely<Database>,
  ids: readonly string[],
  page: LatestPage,
  atOnce: number,
) {
  const wanted = page.offset + page.limit;
  const stated = await db
    .selectFrom('statements as s')
    .selectAll('s')
    .select('s.created_at as time')
    .where('s.entity_id', 'in', [...ids])
    // The partial index's own term, as it was written, so that SQLite uses it.
    .where('s.origin', '<>', sql.lit('extracted'))
    .where((eb) => filtered(eb, page.filter))
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(wanted)
    .execute();
  const told: TimedStatementRow[] = [];
  // Once the page is full, documents older than its last statement cannot change it.
  let oldest: string | undefined;
  let after: { at: string; id: string } | undefined;
  for (;;) {
    let documents = db.selectFrom('documents').select(['id', 'ingested_at']);
    if (after) {
      const { at, id } = after;
      documents = documents
        .where('ingested_at', '<=', at)
        .where((eb) => eb.or([eb('ingested_at', '<', at), eb('id', '>', id)]));
    }
    const chunk = await documents.orderBy('ingested_at', 'desc').orderBy('id').limit(atOnce).execute();
    const open = oldest === undefined ? chunk : chunk.filter((d) => d.ingested_at >= (oldest as string));
    if (open.length === 0) break;
    const timeOf = new Map(open.map((d) => [d.id, d.ingested_at]));
    const rows = await db
      .selectFrom('statements as s')
      .selectAll('s')
      .where(
        's.document_id',
        'in',
        open.map((d) => d.id),
      )
      .where('s.entity_id', 'in', [...ids])
      .where('s.origin', '=', 'extracted')
      .where((eb) => filtered(eb, page.filter))
      .execute();
    for (const row of rows) told.push({ ...row, time: timeOf.get(row.document_id ?? '') ?? row.created_at });
    if (told.length >= wanted) oldest = told.sort(latestFirst)[wanted - 1]?.time;
    const last = chunk[chunk.length - 1];
    if (!last || chunk.length < atOnce || open.length < chunk.length) break;
    after = { at: last.ingested_at, id: last.id };
  }
  return [...stated, ...told].sort(latestFirst).slice(page.offset, wanted);
}
