import type { CandidateInput } from '../../src/matching/candidate.js';

let next = 0;

/** A candidate of matching, with one sentence of a document about it. */
export function buildCandidate(overrides: Partial<CandidateInput> = {}): CandidateInput {
  next++;
  const name = overrides.name ?? `测试研究院${next}`;
  return {
    id: `organization:test-${next}`,
    kind: 'institute',
    name,
    aliases: [],
    facts: [],
    passages: [
      { text: `${name}开展科研合作。`, documentId: `doc-${next}`, span: { start: 0, end: name.length + 7 } },
    ],
    places: [],
    partners: [],
    eventPlaces: [],
    ...overrides,
  };
}

/** A sentence of a document, as a candidate's passage. */
export function passage(text: string, documentId = 'doc-a', start = 0) {
  return { text, documentId, span: { start, end: start + text.length } };
}
