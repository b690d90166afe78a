import type { Store } from '../../src/store/open-store.js';

/**
 * Every table's rows without the times they were written, in a fixed order: what two stores
 * holding the same knowledge agree on.
 */
export async function storeContents(store: Store) {
  return {
    documents: await store.db
      .selectFrom('documents')
      .select([
        'id',
        'format',
        'encoding',
        'byte_length',
        'title',
        'published',
        'source_path',
        'extractor_version',
      ])
      .orderBy('id')
      .execute(),
    contents: await store.db
      .selectFrom('document_contents')
      .select(['document_id', 'text'])
      .orderBy('document_id')
      .execute(),
    articles: await store.db
      .selectFrom('articles')
      .selectAll()
      .orderBy('document_id')
      .orderBy('ordinal')
      .execute(),
    entities: await store.db.selectFrom('entities').select(['id', 'type', 'key']).orderBy('id').execute(),
    statements: await store.db
      .selectFrom('statements')
      .select([
        'id',
        'entity_id',
        'property',
        'value',
        'origin',
        'document_id',
        'span_start',
        'span_end',
        'extractor_version',
        'status',
      ])
      .orderBy('entity_id')
      .orderBy('id')
      .execute(),
    retired: await store.db
      .selectFrom('retired_statements')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n)),
  };
}

/** Whether the store holds only whole documents: each with its contents, every statement's document there. */
export async function orphans(store: Store) {
  const withoutContent = await store.db
    .selectFrom('documents')
    .leftJoin('document_contents', 'document_contents.document_id', 'documents.id')
    .select('documents.id')
    .where('document_contents.document_id', 'is', null)
    .execute();
  const statementsWithoutDocument = await store.db
    .selectFrom('statements')
    .leftJoin('documents', 'documents.id', 'statements.document_id')
    .select('statements.id')
    .where('statements.origin', '=', 'extracted')
    .where('documents.id', 'is', null)
    .execute();
  const documentsWithoutStatements = await store.db
    .selectFrom('documents')
    .select('documents.id')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('statements')
            .select('statements.id')
            .whereRef('statements.document_id', '=', 'documents.id'),
        ),
      ),
    )
    .execute();
  return {
    withoutContent: withoutContent.length,
    statementsWithoutDocument: statementsWithoutDocument.length,
    documentsWithoutStatements: documentsWithoutStatements.length,
  };
}
