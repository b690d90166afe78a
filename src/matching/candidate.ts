/**
 * What can answer a need: an achievement, a platform or lab, an institute, or an expert, with
 * the text the knowledge base holds about it — its names, the facts of its record, and the
 * sentences of documents that speak of it, each with its source.
 */
import type { Span } from '../core/types.js';
import type { Division } from './proximity.js';

export type CandidateKind = 'achievement' | 'platform' | 'institute' | 'expert';

export const CANDIDATE_KINDS: readonly CandidateKind[] = ['achievement', 'platform', 'institute', 'expert'];

/** A sentence about the candidate, and where it was read: a document span, or the registry. */
export interface Passage {
  text: string;
  documentId?: string;
  span?: Span;
}

export interface Partner {
  id: string;
  name: string;
  /** Events both took part in. */
  events: number;
}

export interface EventPlace {
  division: Division;
  /** The place as the events name it. */
  name: string;
  events: number;
}

export interface CandidateInput {
  /** The entity id of the knowledge base (`organization:…`, `person:…`, `achievement:…`, `platform:…`). */
  id: string;
  kind: CandidateKind;
  name: string;
  aliases: readonly string[];
  /** Facts of its record or its entity, as short text (`领域：人工智能`, `依托单位：…`, `职称：研究员`). */
  facts: readonly string[];
  passages: readonly Passage[];
  /** Where its record says it is (a platform's host, a body's seat), before the places of its text. */
  places: readonly string[];
  /** The body an expert works at, or a lab is part of. */
  affiliation?: { id?: string; name: string };
  partners: readonly Partner[];
  eventPlaces: readonly EventPlace[];
}
