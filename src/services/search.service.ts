/**
 * Chinese full-text search over documents, articles and entity names: the query cut by the
 * project's segmentation, ranked by the store (bm25 or ts_rank), each hit with its title and a
 * snippet of the original text with the matched words marked.
 */
import { snippet } from '../core/snippet.js';
import { queryTerms } from '../extract/search/search-terms.js';
import type { Store } from '../store/open-store.js';
import type { SearchFilters, SearchKind } from '../store/search.repository.js';
import { entityNames } from './entity.service.js';

export interface SearchRequest extends SearchFilters {
  q: string;
  limit: number;
  offset: number;
}

export interface SearchHit {
  kind: SearchKind;
  id: string;
  documentId?: string;
  title: string;
  snippet: string;
  score: number;
}

export interface SearchResponse {
  total: number;
  /** More rows match than were counted: `total` is where counting stopped. */
  totalIsLowerBound: boolean;
  /** How many of the matches were ranked for the hits and counted in the facets. */
  ranked: number;
  hits: SearchHit[];
  facets: {
    kind: Record<string, number>;
    entityType: Record<string, number>;
    eventType: Record<string, number>;
  };
}

export async function search(store: Store, request: SearchRequest): Promise<SearchResponse> {
  const words = queryTerms(request.q);
  const page = await store.search.search(words, request, request.limit, request.offset);
  const documentIds = [...new Set(page.hits.flatMap((h) => (h.documentId ? [h.documentId] : [])))];
  const documents = new Map((await store.documents.findMany(documentIds)).map((d) => [d.id, d]));
  const texts = await store.documents.texts(documentIds);
  const articles = await store.articles.forDocuments([
    ...new Set(page.hits.flatMap((h) => (h.kind === 'article' && h.documentId ? [h.documentId] : []))),
  ]);
  const entityIds = page.hits.filter((h) => h.kind === 'entity').map((h) => h.ref);
  // Named as the entity page names them: the name most stated, the other forms after it.
  const values = await store.stats.summary.valuesByEntity(entityIds);
  const keys = new Map((await store.entities.findMany(entityIds)).map((e) => [e.id, e.key]));
  const names = new Map(
    entityIds.map((id) => [id, entityNames(keys.get(id) ?? id, values.get(id) ?? [])] as const),
  );

  const hits: SearchHit[] = [];
  for (const hit of page.hits) {
    const text = hit.documentId ? (texts.get(hit.documentId) ?? '') : '';
    const document = hit.documentId ? documents.get(hit.documentId) : undefined;
    const documentTitle = document?.title ?? document?.sourcePath ?? hit.documentId ?? hit.ref;
    const base = { kind: hit.kind, id: hit.ref, score: hit.score };
    if (hit.kind === 'document') {
      hits.push({ ...base, documentId: hit.ref, title: documentTitle, snippet: snippet(text, words) });
    } else if (hit.kind === 'article' && hit.documentId) {
      const ordinal = Number(hit.ref.slice(hit.ref.lastIndexOf('#') + 1));
      const article = articles.get(hit.documentId)?.find((a) => a.index === ordinal);
      const body = article ? text.slice(article.span.start, article.span.end) : text;
      hits.push({
        ...base,
        documentId: hit.documentId,
        title: article?.headline ? `${article.headline} — ${documentTitle}` : documentTitle,
        snippet: snippet(body, words),
      });
    } else {
      const entry = names.get(hit.ref);
      const name = entry?.name || hit.ref;
      hits.push({
        ...base,
        title: name,
        snippet: snippet([name, ...(entry?.aliases ?? [])].join('、'), words),
      });
    }
  }
  return {
    total: page.total,
    totalIsLowerBound: page.totalIsLowerBound,
    ranked: page.ranked,
    hits,
    facets: page.facets,
  };
}
