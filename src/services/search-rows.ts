/**
 * The rows a document adds to the full-text index: the document itself, each of its articles
 * when a page holds several, and the names of the bodies, people and places its statements
 * name, under the ids those entities are stored by.
 */
import type { EntityRecord, NewStatement } from '../core/statements.js';
import type { Article } from '../core/types.js';
import type { IndexTerms } from '../extract/extract-document.js';
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

/**
 * The rows of a document and of its articles; `terms`, the index words extraction made of them
 * (`extractTextForIndex`), spare cutting the text again.
 */
export function documentRows(
  document: {
    id: string;
    title?: string;
    text: string;
    articles: readonly Article[];
  },
  terms?: IndexTerms,
): SearchRow[] {
  const rows: SearchRow[] = [
    {
      kind: 'document',
      ref: document.id,
      documentId: document.id,
      title: indexTerms(document.title ?? ''),
      body: terms?.text ?? indexTerms(document.text),
    },
  ];
  if (document.articles.length > 1) {
    for (const [ordinal, article] of document.articles.entries()) {
      rows.push({
        kind: 'article',
        ref: `${document.id}#${article.index}`,
        documentId: document.id,
        title: indexTerms(article.headline ?? ''),
        body:
          terms?.articles[ordinal] ?? indexTerms(document.text.slice(article.span.start, article.span.end)),
      });
    }
  }
  return rows;
}

/**
 * One row for each body, person and place the statements name or alias, under its stored id:
 * the names it is called by as the title, its other names (aliases, and the canonical name
 * where it is not written) as the body.
 */
export function entityNameRows(
  statements: ReadonlyArray<Pick<NewStatement, 'entityId' | 'property' | 'value'>>,
  entities: ReadonlyMap<string, EntityRecord>,
): SearchRow[] {
  const named = new Map<string, { entity: EntityRecord; names: Set<string>; aliases: Set<string> }>();
  for (const s of statements) {
    if ((s.property !== 'name' && s.property !== 'alias') || typeof s.value !== 'string') continue;
    const entity = entities.get(s.entityId);
    if (!entity || entity.type === 'event') continue;
    let words = named.get(entity.id);
    if (!words) {
      words = { entity, names: new Set(), aliases: new Set() };
      named.set(entity.id, words);
    }
    (s.property === 'name' ? words.names : words.aliases).add(s.value);
  }
  return [...named.values()].map(({ entity, names, aliases }) => {
    if (names.size === 0) names.add(entity.key);
    else if (!names.has(entity.key)) aliases.add(entity.key);
    for (const name of names) aliases.delete(name);
    return {
      kind: 'entity',
      ref: entity.id,
      documentId: null,
      title: [...names].map(termsOfName).join(' '),
      body: [...aliases].map(termsOfName).join(' '),
    };
  });
}
