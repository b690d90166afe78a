import type { Extraction } from '../core/types.js';

export interface ExtractOptions {
  /** Publication date `YYYY-MM-DD`: year-less and relative dates are resolved against it. */
  published?: string;
}

/**
 * Extracts entities, times, money, counts and events from the text of one document.
 * Spans in the result point into `text` as given.
 */
export function extractText(text: string, options: ExtractOptions = {}): Extraction {
  void text;
  return {
    published: options.published,
    extractor: { name: 'coopatlas', version: '0.1.0' },
    articles: [],
    entities: [],
    times: [],
    money: [],
    counts: [],
    percentages: [],
    events: [],
  };
}
