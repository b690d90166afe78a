import type { RouteLocationRaw } from 'vue-router';

/** The document view scrolled to the sentence at `start`: where every statement links. */
export function sourceRoute(documentId: string, start?: number): RouteLocationRaw {
  return {
    name: 'document',
    params: { id: documentId },
    query: start === undefined ? {} : { at: String(start) },
  };
}

export function entityRoute(id: string): RouteLocationRaw {
  return { name: 'entity', params: { id } };
}
