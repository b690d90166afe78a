/**
 * The rows a document adds to the full-text index: the document itself, each of its articles
 * when a page holds several, and the names of the bodies, people and places it names.
 */
import { entityId } from '../core/statements.js';
import type { Article, Entity } from '../core/types.js';
import { indexTerms, nameTerms } from '../extract/search/search-terms.js';
import type { SearchRow } from '../store/search.repository.js';

/** Names whose index words are kept, per thread: the same bodies and places recur in most documents. */
const NAME_CACHE_SIZE = 20_000;
const namesSeen = new Map<string, string>();

/** `nameTerms`, remembered: pinyin for every name of every document is most of a row's cost. */
function termsOfName(name: string): string {
  let terms = namesSeen.get(name);
  if (terms === undefined) {
    terms = nameTerms(name);
    // Full: start again rather than track use; the frequent names come back at once.
    if (namesSeen.size >= NAME_CACHE_SIZE) namesSeen.clear();
    namesSeen.set(name, terms);
  }
  return terms;
}

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
      title: termsOfName(entity.name),
      body: entity.aliases.map(termsOfName).join(' '),
    });
  }
  return rows;
}
