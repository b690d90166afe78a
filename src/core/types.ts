/**
 * Domain types shared by every stage of the pipeline. No I/O here.
 *
 * Offsets are UTF-16 code-unit indices into the document's original text (the text as read
 * from the file, before layout repair), half-open: `text.slice(start, end)`.
 */

export interface Span {
  start: number;
  end: number;
}

export type DocumentFormat = 'txt' | 'html' | 'pdf' | 'docx';

/** The text of one file, as the ingest stage hands it to extraction. */
export interface SourceDocument {
  path: string;
  format: DocumentFormat;
  /** Character encoding the bytes were decoded from (`utf-8`, `gb18030`, `utf-16le` …). */
  encoding: string;
  /** sha256 of the file's bytes, hex. */
  sha256: string;
  byteLength: number;
  text: string;
  title?: string;
  /** ISO date (`YYYY-MM-DD`) found in the document's own metadata. */
  published?: string;
}

/** ISO 8601 at the precision the text gives: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or `A/B`. */
export type TimeValue = string;

export interface TimeMention {
  text: string;
  value: TimeValue;
  span: Span;
  /** The value was completed from the publication date (year-less dates, 今年, 年内 …). */
  relative?: boolean;
}

export type MoneyQualifier = 'exact' | 'over' | 'under' | 'about';

export interface MoneyMention {
  text: string;
  /** Amount in the currency's unit (yuan for 元). */
  value: number;
  /** ISO 4217 code (`CNY`, `USD`, `EUR`, `HKD` …). */
  currency: string;
  qualifier: MoneyQualifier;
  span: Span;
}

export interface CountMention {
  text: string;
  value: number;
  /** Measure word and counted noun as written: `家企业`, `个项目`, `个`. */
  unit: string;
  qualifier: MoneyQualifier;
  span: Span;
}

export interface PercentMention {
  text: string;
  /** Percent points: `12.5%` → 12.5. */
  value: number;
  qualifier: MoneyQualifier;
  span: Span;
}

export type EntityType = 'organization' | 'person' | 'place';

export type OrganizationKind =
  | 'academy'
  | 'institute'
  | 'university'
  | 'government'
  | 'company'
  | 'lab'
  | 'center'
  | 'park'
  | 'alliance'
  | 'hospital'
  | 'association'
  | 'zone'
  | 'platform'
  | 'media'
  | 'other';

export type PlaceLevel = 'country' | 'region' | 'province' | 'city' | 'district' | 'town' | 'area';

/** One occurrence of a name in the text, before resolution. */
export interface EntityMention {
  type: EntityType;
  text: string;
  span: Span;
  kind?: OrganizationKind;
  level?: PlaceLevel;
  /** GB/T 2260 code of a place. */
  code?: string;
  /** A person's title as written before or after the name (市长, 院长 …). */
  title?: string;
  /** The canonical name this mention is known to stand for (from the alias table). */
  canonical?: string;
}

/** A real-world body, person or place after resolution: one per document. */
export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  kind?: OrganizationKind;
  level?: PlaceLevel;
  code?: string;
  title?: string;
  mentions: Span[];
}

export type EventType =
  | 'agreement'
  | 'project_signing'
  | 'founding'
  | 'operation'
  | 'transfer'
  | 'gathering'
  | 'milestone'
  | 'incubation';

export interface CooperationEvent {
  type: EventType;
  /** The predicate as written (签署, 落户, 共建 …). */
  trigger: string;
  date?: TimeValue;
  participants: string[];
  objects: string[];
  place?: string;
  evidence: string;
  span: Span;
  /** Only announced or intended (将, 计划, 拟, 预计). */
  planned: boolean;
}

/** An article of a page: a headline (possibly printed apart from its body) and its body. */
export interface Article {
  index: number;
  headline?: string;
  headlineSpan?: Span;
  span: Span;
  byline?: string;
}

export interface Extraction {
  path?: string;
  format?: DocumentFormat;
  title?: string;
  published?: string;
  extractor: { name: 'coopatlas'; version: string };
  articles: Article[];
  entities: Entity[];
  times: TimeMention[];
  money: MoneyMention[];
  counts: CountMention[];
  percentages: PercentMention[];
  events: CooperationEvent[];
}
