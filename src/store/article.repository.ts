import type { Kysely } from 'kysely';
import type { Article } from '../core/types.js';
import type { Database } from './database.js';

/** The articles a page was split into, by document. */
export class ArticleRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores the articles of a document in place of those it had (they are derived, not facts). */
  async replace(documentId: string, articles: readonly Article[]): Promise<void> {
    await this.db.deleteFrom('articles').where('document_id', '=', documentId).execute();
    if (articles.length === 0) return;
    await this.db
      .insertInto('articles')
      .values(
        articles.map((a) => ({
          document_id: documentId,
          ordinal: a.index,
          headline: a.headline ?? null,
          headline_start: a.headlineSpan?.start ?? null,
          headline_end: a.headlineSpan?.end ?? null,
          span_start: a.span.start,
          span_end: a.span.end,
          byline: a.byline ?? null,
        })),
      )
      .execute();
  }

  async forDocument(documentId: string): Promise<Article[]> {
    return (await this.forDocuments([documentId])).get(documentId) ?? [];
  }

  /** The articles of several documents, each list in order. */
  async forDocuments(documentIds: readonly string[]): Promise<Map<string, Article[]>> {
    const byDocument = new Map<string, Article[]>();
    if (documentIds.length === 0) return byDocument;
    const rows = await this.db
      .selectFrom('articles')
      .selectAll()
      .where('document_id', 'in', documentIds)
      .orderBy('document_id')
      .orderBy('ordinal')
      .execute();
    for (const r of rows) {
      const article: Article = { index: r.ordinal, span: { start: r.span_start, end: r.span_end } };
      if (r.headline !== null) article.headline = r.headline;
      if (r.headline_start !== null && r.headline_end !== null) {
        article.headlineSpan = { start: r.headline_start, end: r.headline_end };
      }
      if (r.byline !== null) article.byline = r.byline;
      const articles = byDocument.get(r.document_id) ?? [];
      articles.push(article);
      byDocument.set(r.document_id, articles);
    }
    return byDocument;
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
