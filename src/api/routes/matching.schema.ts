/**
 * The shapes of technology matching over HTTP: a need as the form sends it, the ranked
 * candidates with their reasons, evidence and sources, the needs kept and the feedback on their
 * matches. The web app imports their types.
 */
import { z } from 'zod';
import { CANDIDATE_KINDS } from '../../matching/candidate.js';
import { FEATURES } from '../../matching/rank.js';
import { Evidence, Span } from '../contract.js';

const Feature = z.enum(FEATURES as [string, ...string[]]);
const Kind = z.enum(CANDIDATE_KINDS as [string, ...string[]]);
// Long enough for any real need; the service says in Chinese and English what is too long.
const Text = z.string().max(20_000);

export const NeedBody = z.object({
  description: Text,
  company: z.string().max(500).optional(),
  district: z.string().max(500).optional(),
  field: z.string().max(100).optional(),
  budget: z.number().optional(),
  deadline: z.string().max(20).optional(),
  kinds: z.array(Kind).max(4).optional(),
});

export const MatchBody = NeedBody.extend({
  limit: z.number().int().optional(),
  mode: z.enum(['full', 'bm25']).default('full'),
});

const FieldView = z.object({ id: z.string(), zh: z.string(), en: z.string() });

export const CandidateView = z.object({
  rank: z.number().int(),
  id: z.string(),
  kind: Kind,
  name: z.string(),
  score: z.number(),
  affiliation: z.string().optional(),
  location: z.string().optional(),
  features: z.array(z.object({ feature: Feature, value: z.number(), contribution: z.number() })),
  reasons: z.array(z.object({ feature: Feature, contribution: z.number(), zh: z.string(), en: z.string() })),
  matchedTerms: z.array(z.string()),
  matchedFields: z.array(FieldView.extend({ shared: z.enum(['field', 'parent']) })),
  evidence: z.array(
    z.object({
      text: z.string(),
      documentId: z.string().optional(),
      documentTitle: z.string().optional(),
      span: Span.optional(),
      matched: z.array(z.string()),
    }),
  ),
  aheadOfNext: z
    .object({
      margin: z.number(),
      features: z.array(z.object({ feature: Feature, difference: z.number() })),
      zh: z.string(),
      en: z.string(),
    })
    .optional(),
});

export const MatchView = z.object({
  need: z.object({
    description: z.string(),
    company: z.string().optional(),
    district: z.string().optional(),
    field: FieldView.optional(),
    words: z.array(z.string()),
    fields: z.array(FieldView),
  }),
  mode: z.enum(['full', 'bm25']),
  candidates: z.array(CandidateView),
  indexed: z.number().int(),
});

export const NeedView = z.object({
  id: z.string(),
  description: z.string(),
  company: z.string().optional(),
  district: z.string().optional(),
  field: z.string().optional(),
  budget: z.number().optional(),
  deadline: z.string().optional(),
  created: z.string(),
  author: z.string().optional(),
  feedback: z.array(
    z.object({ candidate: z.string(), useful: z.boolean(), author: z.string(), at: z.string() }),
  ),
});

export const FeedbackBody = z.object({
  candidate: z.string().min(1).max(200),
  useful: z.boolean(),
  /** The sentence the person judged the candidate from. */
  evidence: Evidence.optional(),
});

const Quality = z.object({ needs: z.number().int(), ndcg10: z.number(), mrr: z.number() });

export const MatchingQuality = z.object({ judged: z.number().int(), full: Quality, bm25: Quality });

export const FieldList = z.array(FieldView.extend({ parent: z.string().optional() }));

export type MatchView = z.infer<typeof MatchView>;
export type CandidateView = z.infer<typeof CandidateView>;
export type NeedView = z.infer<typeof NeedView>;
export type MatchBody = z.input<typeof MatchBody>;
export type FeedbackBody = z.infer<typeof FeedbackBody>;
export type MatchingQuality = z.infer<typeof MatchingQuality>;
export type FieldList = z.infer<typeof FieldList>;
