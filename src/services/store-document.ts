/**
 * Writing one document's extraction: the document, its articles, its entities and statements,
 * in the transaction the caller holds.
 */
import type { Repositories } from '../store/open-store.js';
import type { ExtractedDocument } from './extract-task.js';

/** Articles, entities and statements of an extracted document; returns how many statements it has. */
export async function storeFacts(
  tx: Repositories,
  document: ExtractedDocument,
  now: string,
): Promise<number> {
  await tx.articles.replace(document.id, document.articles);
  await tx.entities.ensure(document.facts.entities, now);
  await tx.statements.insertMany(document.facts.statements, now);
  await tx.search.replaceDocument(
    document.id,
    document.search.filter((row) => row.kind !== 'entity'),
  );
  await tx.search.addEntityNames(document.search.filter((row) => row.kind === 'entity'));
  await tx.stats.summary.documentStored(document.id, document.facts.statements);
  return document.facts.statements.length;
}
