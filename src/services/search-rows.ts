/**
 * The rows a document adds to the full-text index: the document itself, each of its articles
 * when a page holds several, and the names of the bodies, people and places it names.
 */
import { entityId } from '../core/statements.js';
import type { Article, Entity } from '../core/types.js';
import { indexTerms, nameTerms } from '../extract/search/search-terms.js';
import type { SearchRow } from '../store/search.repository.js';

export function searchRowsOf(
  document: { id: string; title?: string; text: string; articles: readonly Article[] },
  entities: readonly Entity[],
): SearchRow[] {
  const rows: SearchRow[] = [
    {
      kind: 'document',
      ref: document.id,
      documentId: document.id,
      title: indexTerms(document.title ?? ''),
      body: indexTerms(document.text),
    },
  ];
  if (document.articles.length > 1) {
    for (const article of document.articles) {
      rows.push({
        kind: 'article',
        ref: `${document.id}#${article.index}`,
        documentId: document.id,
        title: indexTerms(article.headline ?? ''),
        body: indexTerms(document.text.slice(article.span.start, article.span.end)),
      });
    }
  }
  for (const entity of entities) {
    rows.push({
      kind: 'entity',
      ref: entityId(entity.type, entity.name),
      documentId: null,
      title: nameTerms(entity.name),
      body: entity.aliases.map(nameTerms).join(' '),
    });
  }
  return rows;
}
