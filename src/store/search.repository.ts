/**
 * The full-text index: rows of index words (the project's segmentation, joined by spaces) for
 * documents, articles and entity names, ranked by bm25 on SQLite (FTS5) and ts_rank on
 * PostgreSQL. Query words arrive already cut into letters and digits only, and every value is a
 * bound parameter, so no query can change the SQL.
 */
import { CompiledQuery, type Kysely, type RawBuilder, sql } from 'kysely';
import { batches } from './batches.js';
import { CompiledInsert } from './compiled-insert.js';
import type { Database, StoreDialect } from './database.js';
import { inReferenceIndex } from './reference-index.js';

export type SearchKind = 'document' | 'article' | 'entity';

export interface SearchRow {
  kind: SearchKind;
  /** The document id, `documentId#ordinal` for an article, the entity id. */
  ref: string;
  documentId: string | null;
  /** Index words of the title (headline, name) and of the body. */
  title: string;
  body: string;
}

export interface SearchFilters {
  kind?: SearchKind;
  entityType?: string;
  eventType?: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, on the document's publication date. */
  from?: string;
  to?: string;
  /** Names of a place the document speaks of, and of a party to one of its events. */
  place?: string;
  participant?: string;
}

export interface SearchHitRow {
  kind: SearchKind;
  ref: string;
  documentId: string | null;
  score: number;
}

export interface SearchPage {
  /** Rows matching the words and filters, counted up to the count limit (then `totalIsLowerBound`). */
  total: number;
  totalIsLowerBound: boolean;
  /**
   * How many matching rows were ranked and counted in the facets: all of them, or the most
   * recently indexed when more match than the ranking window.
   */
  ranked: number;
  hits: SearchHitRow[];
  facets: {
    kind: Record<string, number>;
    entityType: Record<string, number>;
    eventType: Record<string, number>;
  };
}

const json = (value: string) => JSON.stringify(value);

/**
 * A common word matches most of a large store, and ranking every match costs time in
 * proportion to the store. Past this many matches, the most recently indexed are ranked and make
 * the facets, so a search answers in the same time at a thousand documents or a million.
 */
export const RANKING_WINDOW = 500;
/** Matches are counted up to this many; past it the total is given as "more than". */
export const COUNT_LIMIT = 10_000;

/** The words of `old` followed by those of `added` it lacks, space-separated. */
function unionOfWords(old: string, added: string): string {
  const words = old.split(' ').filter(Boolean);
  const seen = new Set(words);
  for (const word of added.split(' ')) {
    if (word && !seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  return words.join(' ');
}

interface StoredEntityRow {
  ref: string;
  title: string;
  body: string;
}

/** `row` with the words of the stored row added, or undefined when it would change nothing. */
function withNamesAdded(old: StoredEntityRow | undefined, row: SearchRow): SearchRow | undefined {
  if (!old) return row;
  const merged = { ...row, body: unionOfWords(old.body, row.body) };
  return old.title === merged.title && old.body === merged.body ? undefined : merged;
}

type SearchRowValues = {
  kind: string;
  ref: string;
  document_id: string | null;
  title: string;
  body: string;
};

const insertRows = new CompiledInsert<SearchRowValues, { id: number | string }>(
  ['kind', 'ref', 'document_id', 'title', 'body'],
  (db, rows) => db.insertInto('search_rows').values(rows).returning('id').compile(),
);

/** SQLite: the words of rows just stored, given to the FTS5 index, by the rows' ids. */
const indexedTexts = new Map<number, string>();
function indexRowsSql(count: number): string {
  let text = indexedTexts.get(count);
  if (text === undefined) {
    text = `insert into search_fts (rowid, title, body) select id, title, body from search_rows
      where id in (${Array.from({ length: count }, () => '?').join(', ')})`;
    indexedTexts.set(count, text);
  }
  return text;
}

export interface SearchLimits {
  rankingWindow: number;
  countLimit: number;
}

export class SearchRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: StoreDialect,
    private readonly limits: SearchLimits = { rankingWindow: RANKING_WINDOW, countLimit: COUNT_LIMIT },
  ) {}

  /** Replaces the rows of one document (its own row and its articles'). */
  async replaceDocument(documentId: string, rows: readonly SearchRow[]): Promise<void> {
    await this.deleteWhere(sql`document_id = ${documentId}`);
    await this.insert(rows);
  }

  /**
   * Adds the names one document gives its entities to their index rows. An entity's row holds
   * every name and alias any document gave it, so a row changes only when a document brings a
   * word it lacks; most documents name known bodies the known way and write nothing here.
   */
  async addEntityNames(rows: readonly SearchRow[]): Promise<void> {
    for (const batch of batches(rows)) {
      // A name given twice in one document is merged row by row, as it comes.
      if (new Set(batch.map((row) => row.ref)).size < batch.length) await this.addEntityNamesOneByOne(batch);
      else await this.addEntityNamesOnce(batch);
    }
  }

  /**
   * The rows of entities of distinct ids: those whose words change are deleted together, then
   * written again together, in the order given, so each gets the id it would get one by one.
   */
  private async addEntityNamesOnce(batch: readonly SearchRow[]): Promise<void> {
    const known = await this.storedEntityRows(batch);
    const changed: SearchRow[] = [];
    const replaced: string[] = [];
    for (const row of batch) {
      const old = known.get(row.ref);
      const merged = withNamesAdded(old, row);
      if (!merged) continue;
      if (old) replaced.push(row.ref);
      changed.push(merged);
    }
    if (replaced.length > 0) await this.deleteWhere(sql`kind = 'entity' and ref in (${sql.join(replaced)})`);
    await this.insert(changed);
  }

  private async addEntityNamesOneByOne(batch: readonly SearchRow[]): Promise<void> {
    const known = await this.storedEntityRows(batch);
    for (const row of batch) {
      const old = known.get(row.ref);
      const merged = withNamesAdded(old, row);
      if (!merged) continue;
      if (old) await this.deleteWhere(sql`kind = 'entity' and ref = ${row.ref}`);
      await this.insert([merged]);
      known.set(row.ref, { ref: row.ref, title: merged.title, body: merged.body });
    }
  }

  /** The stored index rows of the entities of `batch`, by entity id. */
  private async storedEntityRows(batch: readonly SearchRow[]): Promise<Map<string, StoredEntityRow>> {
    const stored = await this.db
      .selectFrom('search_rows')
      .select(['ref', 'title', 'body'])
      .where('kind', '=', 'entity')
      .where(
        'ref',
        'in',
        batch.map((row) => row.ref),
      )
      .execute();
    return new Map(stored.map((row) => [row.ref, row]));
  }

  private async deleteWhere(where: RawBuilder<unknown>): Promise<void> {
    if (this.dialect === 'sqlite') {
      // External-content FTS5 forgets a row only when told its old words.
      await sql`insert into search_fts (search_fts, rowid, title, body)
        select 'delete', id, title, body from search_rows where ${where}`.execute(this.db);
    }
    await sql`delete from search_rows where ${where}`.execute(this.db);
  }

  /** Stores rows in the order given (their ids ascending in that order) and indexes their words. */
  private async insert(rows: readonly SearchRow[]): Promise<void> {
    for (const batch of batches(rows)) {
      const inserted = await insertRows.run(
        this.db,
        batch.map((row) => ({
          kind: row.kind,
          ref: row.ref,
          document_id: row.documentId,
          title: row.title,
          body: row.body,
        })),
      );
      if (this.dialect === 'sqlite') {
        const ids = inserted.map((row) => Number(row.id));
        await this.db.executeQuery(CompiledQuery.raw(indexRowsSql(ids.length), ids));
      }
    }
  }

  /**
   * Rows matching every word, best first, with the counts of the facets. Both are taken over the
   * matches when they fit the ranking window, else over the most recently indexed of them.
   */
  async search(
    words: readonly string[],
    filters: SearchFilters,
    limit: number,
    offset: number,
  ): Promise<SearchPage> {
    const empty: SearchPage = {
      total: 0,
      totalIsLowerBound: false,
      ranked: 0,
      hits: [],
      facets: { kind: {}, entityType: {}, eventType: {} },
    };
    if (words.length === 0) return empty;
    const matcher = this.matcher(words);
    const { match, ranked: rankedWindow, order } = matcher;
    const conditions = this.filters(filters);
    const ranked = rankedWindow(sql.join([match, ...conditions], sql` and `));

    // One statement, so the window is found and ranked once for the page and every facet.
    const rows = await sql<{
      part: string;
      kind: string;
      ref: string | null;
      document_id: string | null;
      score: number | null;
      n: number | null;
    }>`
      with m as materialized (${ranked})
      select * from (select 'hit' as part, kind, ref, document_id, score, cast(null as bigint) as n from m
        order by score ${order}, ref limit ${limit} offset ${offset}) hits
      union all select 'kind', kind, null, null, null, count(*) from m group by kind
      union all select 'entityType', e.type, null, null, null, count(*) from m join entities e on e.id = m.ref
        where m.kind = 'entity' group by e.type
      union all select 'eventType', t.event_type, null, null, null, count(distinct t.document_id)
        from document_event_types t where t.document_id in (select document_id from m) group by t.event_type`.execute(
      this.db,
    );
    const facet = (part: string, key: (value: string) => string = (value) => value) =>
      Object.fromEntries(
        rows.rows.filter((row) => row.part === part).map((row) => [key(row.kind), Number(row.n)]),
      );
    const kindCounts = facet('kind');
    const rankedCount = Object.values(kindCounts).reduce((sum, n) => sum + n, 0);
    const { countLimit, rankingWindow } = this.limits;
    const total = rankedCount < rankingWindow ? rankedCount : await this.countMatches(matcher, conditions);
    const better = this.dialect === 'sqlite' ? 1 : -1;
    const hits = rows.rows
      .filter((row) => row.part === 'hit')
      .sort(
        (a, b) => better * (Number(a.score) - Number(b.score)) || ((a.ref ?? '') < (b.ref ?? '') ? -1 : 1),
      );
    return {
      total: Math.min(total, countLimit),
      totalIsLowerBound: total > countLimit,
      ranked: rankedCount,
      hits: hits.map((row) => ({
        kind: row.kind as SearchKind,
        ref: row.ref ?? '',
        documentId: row.document_id,
        score: Math.abs(Number(row.score)),
      })),
      facets: {
        kind: kindCounts,
        entityType: facet('entityType'),
        eventType: facet('eventType', (value) => JSON.parse(value) as string),
      },
    };
  }

  /** The matches, counted up to one past the count limit; without filters, in the index alone. */
  private async countMatches(
    { match, from, indexOnly }: ReturnType<SearchRepository['matcher']>,
    conditions: RawBuilder<unknown>[],
  ): Promise<number> {
    const matched =
      conditions.length === 0
        ? sql`select 1 from ${indexOnly} where ${match}`
        : sql`select 1 from ${from} where ${sql.join([match, ...conditions], sql` and `)}`;
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from (${matched}
      limit ${this.limits.countLimit + 1}) counted`.execute(this.db);
    return Number(rows[0]?.n ?? 0);
  }

  private matcher(words: readonly string[]) {
    if (this.dialect === 'sqlite') {
      // Each word quoted: FTS5 reads it as a phrase, never as an operator.
      const query = words.map((w) => `"${w.replaceAll('"', '')}"`).join(' ');
      return {
        from: sql`search_fts join search_rows r on r.id = search_fts.rowid`,
        indexOnly: sql`search_fts`,
        match: sql`search_fts match ${query}`,
        // The index gives its rows newest first by itself and stops at the window; bm25 (lower
        // is better, the title weighing five times the body) is computed for those rows only.
        ranked: (where: RawBuilder<unknown>) => sql`select r.id, r.kind, r.ref, r.document_id,
          bm25(search_fts, 5.0, 1.0) as score
          from search_fts join search_rows r on r.id = search_fts.rowid where ${where}
          order by search_fts.rowid desc limit ${this.limits.rankingWindow}`,
        order: sql`asc`,
      };
    }
    const query = words.join(' ');
    return {
      from: sql`search_rows r`,
      indexOnly: sql`search_rows r`,
      match: sql`r.tsv @@ plainto_tsquery('simple', ${query})`,
      // ts_rank outside the window's subquery, so it reads the vectors of the window only.
      ranked: (where: RawBuilder<unknown>) => sql`select w.id, w.kind, w.ref, w.document_id,
          ts_rank(w.tsv, plainto_tsquery('simple', ${query})) as score
          from (select r.id, r.kind, r.ref, r.document_id, r.tsv from search_rows r where ${where}
            order by r.id desc limit ${this.limits.rankingWindow}) w`,
      order: sql`desc`,
    };
  }

  private filters(filters: SearchFilters): RawBuilder<unknown>[] {
    const out: RawBuilder<unknown>[] = [];
    if (filters.kind) out.push(sql`r.kind = ${filters.kind}`);
    if (filters.entityType) {
      out.push(
        sql`r.kind = 'entity' and r.ref in (select id from entities where type = ${filters.entityType})`,
      );
    }
    if (filters.eventType) {
      out.push(sql`r.document_id in (select document_id from document_event_types
        where event_type = ${json(filters.eventType)})`);
    }
    if (filters.from)
      out.push(sql`r.document_id in (select id from documents where published >= ${filters.from})`);
    if (filters.to) {
      // 2020 reaches to the end of 2020: every date that starts with it sorts below `2020~`.
      out.push(sql`r.document_id in (select id from documents where published <= ${`${filters.to}~`})`);
    }
    if (filters.place) {
      out.push(sql`r.document_id in (select document_id from statements where entity_id in
        (select entity_id from statements where ${inReferenceIndex()} and property in ('name', 'alias')
          and value = ${json(filters.place)}))`);
    }
    if (filters.participant) {
      out.push(sql`r.document_id in (select document_id from statements where ${inReferenceIndex()}
        and property = 'participant' and value in
        (select '"' || entity_id || '"' from statements where ${inReferenceIndex()} and property in ('name', 'alias')
          and value = ${json(filters.participant)}))`);
    }
    return out;
  }
}
