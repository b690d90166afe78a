/**
 * Which entities are one body, as people decide it. Extraction gives a body the id of its
 * canonical name, so two names of one body (an old name, a name the alias table lacks) can be two
 * entities, and one name can cover two bodies. A person merges the first and splits the second;
 * each decision is a pair of manual statements, never a change to what was extracted, so it holds
 * when documents are extracted again:
 *
 * - merge A into B: `(A, sameAs, B)` and `(B, merged, A)`; taken back by the same two statements
 *   with status `rejected`. The latest decision on a pair wins.
 * - split names off A: a new entity Y with those names, `(A, splitOff, { into: Y, names })` and
 *   `(Y, splitFrom, { from: A, names })`. What A's documents said under those names (the name and
 *   alias statements, and every statement read from a span that is one of the names) is Y's.
 */
import { createHash } from 'node:crypto';
import { InvalidArgumentError, NotFoundError } from '../core/errors.js';
import type { JsonValue, Statement } from '../core/statements.js';
import type { Store } from '../store/open-store.js';

export const IDENTITY_PROPERTIES = ['sameAs', 'merged', 'splitOff', 'splitFrom'] as const;

/** One body as people see it: the entity that stands for it and the entities merged into it. */
export interface Identity {
  /** The entity that stands for the body: the end of its `sameAs` chain. */
  id: string;
  /** Its id and the ids of every entity merged into it, directly or through others. */
  members: string[];
  /** Names split off members to other bodies: the name, and the entity it now belongs to. */
  splitOff: Map<string, string>;
  /** When the body was split off another one: which, and under which names. */
  splitFrom?: { from: string; names: string[] };
}

/** Chains of merges are followed at most this far: a chain that long is a loop. */
const MAX_CHAIN = 64;

const isText = (value: unknown): value is string => typeof value === 'string';

/** The latest decision on each (property, value) pair among one entity's statements. */
function standingDecisions(statements: readonly Statement[], property: string): Statement[] {
  const latest = new Map<string, Statement>();
  for (const s of statements) {
    if (s.property !== property || s.source.origin !== 'manual') continue;
    latest.set(JSON.stringify(s.value), s);
  }
  return [...latest.values()]
    .filter((s) => s.status === 'accepted')
    .sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : 0));
}

function decisionsOf(store: Store, ids: readonly string[]): Promise<Statement[]> {
  return store.statements.manualAbout(ids, IDENTITY_PROPERTIES);
}

/** Follows `sameAs` from `id` to the entity that stands for the body. */
async function canonicalId(store: Store, id: string): Promise<string> {
  let current = id;
  const seen = new Set<string>([id]);
  for (let step = 0; step < MAX_CHAIN; step++) {
    const [sameAs] = standingDecisions(await decisionsOf(store, [current]), 'sameAs').slice(-1);
    if (!sameAs || !isText(sameAs.value) || seen.has(sameAs.value)) return current;
    current = sameAs.value;
    seen.add(current);
  }
  return current;
}

/**
 * The body an entity belongs to, with every entity merged into it and the names split off it.
 *
 * @example (await resolveIdentity(store, 'organization:…重庆研究院')).id // the full name's entity, once merged
 */
export async function resolveIdentity(store: Store, id: string): Promise<Identity> {
  const canonical = await canonicalId(store, id);
  const members = [canonical];
  const splitOff = new Map<string, string>();
  let splitFrom: Identity['splitFrom'];
  for (let i = 0; i < members.length && members.length <= MAX_CHAIN; i++) {
    const member = members[i] as string;
    const decisions = await decisionsOf(store, [member]);
    for (const merged of standingDecisions(decisions, 'merged')) {
      // A merge stands while the merged entity's own `sameAs` still names this member.
      if (isText(merged.value) && !members.includes(merged.value)) {
        const target = standingDecisions(await decisionsOf(store, [merged.value]), 'sameAs').at(-1);
        if (target?.value === member) members.push(merged.value);
      }
    }
    for (const split of standingDecisions(decisions, 'splitOff')) {
      const value = split.value as { into?: JsonValue; names?: JsonValue };
      if (!isText(value.into) || !Array.isArray(value.names)) continue;
      for (const name of value.names.filter(isText)) splitOff.set(name, value.into);
    }
    if (member === canonical) {
      const from = standingDecisions(decisions, 'splitFrom').at(-1)?.value as
        | { from?: JsonValue; names?: JsonValue }
        | undefined;
      if (from && isText(from.from) && Array.isArray(from.names)) {
        splitFrom = { from: from.from, names: from.names.filter(isText) };
      }
    }
  }
  return { id: canonical, members, splitOff, ...(splitFrom ? { splitFrom } : {}) };
}

/**
 * The name a statement was said under: its value for a name or alias, else the text of the span
 * it was read from. A split moves what was said under the names it names.
 */
function underName(statement: Statement, texts: ReadonlyMap<string, string>): string | undefined {
  if ((statement.property === 'name' || statement.property === 'alias') && isText(statement.value)) {
    return statement.value;
  }
  const { source } = statement;
  if (source.origin !== 'extracted') return undefined;
  return texts.get(source.documentId)?.slice(source.span.start, source.span.end);
}

async function textsOf(store: Store, statements: readonly Statement[]): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const s of statements) if (s.source.origin === 'extracted') ids.add(s.source.documentId);
  return ids.size > 0 ? store.documents.texts([...ids]) : new Map();
}

/**
 * What is said of a body, given what is said of some entities: statements of its members not
 * split off, and those of the entity it was split from said under its names. `pick` reads the
 * statements of some entity ids (their own statements, or those that refer to them).
 */
async function ofIdentity(
  store: Store,
  identity: Identity,
  pick: (ids: string[]) => Promise<Statement[]>,
): Promise<Statement[]> {
  const own = await pick(identity.members);
  const texts = await textsOf(store, own);
  const kept = own.filter((s) => {
    if (IDENTITY_PROPERTIES.includes(s.property as (typeof IDENTITY_PROPERTIES)[number])) return true;
    const name = underName(s, texts);
    return name === undefined || !identity.splitOff.has(name);
  });
  if (!identity.splitFrom) return kept;
  const names = new Set(identity.splitFrom.names);
  const source = await resolveIdentity(store, identity.splitFrom.from);
  const theirs = await pick(source.members);
  const theirTexts = await textsOf(store, theirs);
  const moved = theirs.filter((s) => {
    const name = underName(s, theirTexts);
    return name !== undefined && names.has(name) && source.splitOff.get(name) === identity.id;
  });
  return [...kept, ...moved];
}

/** The statements about a body: its members', without what was split off, with what was split to it. */
export function statementsOfIdentity(store: Store, identity: Identity): Promise<Statement[]> {
  return ofIdentity(store, identity, (ids) => store.statements.about(ids));
}

/** The statements that refer to a body (events it takes part in, or that happen there). */
export function referencesToIdentity(store: Store, identity: Identity): Promise<Statement[]> {
  return ofIdentity(store, identity, async (ids) =>
    (await Promise.all(ids.map((id) => store.statements.referring(id)))).flat(),
  );
}

async function existing(store: Store, id: string) {
  const entity = await store.entities.find(id);
  if (!entity) throw new NotFoundError(`没有这个实体：${id} (no such entity)`);
  return entity;
}

function needAuthor(author: string): void {
  if (!author.trim()) throw new InvalidArgumentError('决定必须署名 (a decision needs its author)');
}

/**
 * Merges `from` into `into`: one body from now on, shown as `into`, with the statements of both.
 *
 * @example await mergeEntities(store, { from: idOf('重庆研究院'), into: idOf('中国科学院重庆绿色智能技术研究院'), author: '王芳' })
 * @throws InvalidArgumentError for two types, one entity twice, or a merge into what was merged into `from`.
 */
export async function mergeEntities(
  store: Store,
  input: { from: string; into: string; author: string },
): Promise<Identity> {
  needAuthor(input.author);
  const [from, into] = [await existing(store, input.from), await existing(store, input.into)];
  if (from.type !== into.type) {
    throw new InvalidArgumentError(
      `不同类型的实体不能合并 (cannot merge a ${from.type} into a ${into.type})`,
    );
  }
  if (standingDecisions(await decisionsOf(store, [from.id]), 'sameAs').length > 0) {
    throw new InvalidArgumentError(
      `${from.id} 已合并到另一个实体，请先撤销 (already merged into another entity: take that back first)`,
    );
  }
  const target = await canonicalId(store, into.id);
  if (target === from.id || (await canonicalId(store, from.id)) === target) {
    throw new InvalidArgumentError('这两个实体已是同一个 (these entities are one already)');
  }
  await store.transaction(async (tx) => {
    const decisions = [
      await tx.statements.addManual({
        entityId: from.id,
        property: 'sameAs',
        value: into.id,
        author: input.author,
        status: 'accepted',
      }),
      await tx.statements.addManual({
        entityId: into.id,
        property: 'merged',
        value: from.id,
        author: input.author,
        status: 'accepted',
      }),
    ];
    // The store's running counts (statements by origin and status, per entity) count these too.
    await tx.stats.summary.statementsAdded(decisions);
  });
  return resolveIdentity(store, into.id);
}

/** Takes back the merge of `from`: it is a body of its own again. */
export async function unmergeEntity(
  store: Store,
  input: { from: string; author: string },
): Promise<Identity> {
  needAuthor(input.author);
  await existing(store, input.from);
  const [sameAs] = standingDecisions(await decisionsOf(store, [input.from]), 'sameAs').slice(-1);
  if (!sameAs || !isText(sameAs.value)) {
    throw new InvalidArgumentError(`${input.from} 没有被合并 (was not merged into another entity)`);
  }
  const into = sameAs.value;
  await store.transaction(async (tx) => {
    const decisions = [];
    for (const [entityId, property, value] of [
      [input.from, 'sameAs', into],
      [into, 'merged', input.from],
    ] as const) {
      decisions.push(
        await tx.statements.addManual({
          entityId,
          property,
          value,
          author: input.author,
          status: 'rejected',
        }),
      );
    }
    await tx.stats.summary.statementsAdded(decisions);
  });
  return resolveIdentity(store, input.from);
}

/**
 * Splits names off an entity: a new entity for the body they name, which takes what the
 * documents said under those names. Returns the new body.
 *
 * @example await splitEntity(store, { from: idOf('重庆研究院'), names: ['重庆研究院'], author: '王芳' })
 */
export async function splitEntity(
  store: Store,
  input: { from: string; names: readonly string[]; author: string },
): Promise<Identity> {
  needAuthor(input.author);
  const from = await existing(store, input.from);
  const names = [...new Set(input.names.map((n) => n.trim()).filter(Boolean))];
  const [first] = names;
  if (first === undefined) throw new InvalidArgumentError('请给出要拆分的名称 (name what to split off)');
  const identity = await resolveIdentity(store, from.id);
  const known = new Set(
    (await statementsOfIdentity(store, identity))
      .filter((s) => (s.property === 'name' || s.property === 'alias') && s.status !== 'rejected')
      .map((s) => s.value),
  );
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new InvalidArgumentError(`这个实体没有这些名称：${unknown.join('、')} (not names of this entity)`);
  }
  const digest = createHash('sha256')
    .update(JSON.stringify([from.id, names, new Date().toISOString()]))
    .digest('hex')
    .slice(0, 20);
  const id = `${from.type}:${digest}`;
  await store.transaction(async (tx) => {
    await tx.entities.ensure([{ id, type: from.type, key: first }], new Date().toISOString());
    const decisions: Array<[string, string, JsonValue]> = [
      [id, 'name', first],
      [identity.id, 'splitOff', { into: id, names }],
      [id, 'splitFrom', { from: identity.id, names }],
    ];
    const added = [];
    for (const [entityId, property, value] of decisions) {
      added.push(
        await tx.statements.addManual({
          entityId,
          property,
          value,
          author: input.author,
          status: 'accepted',
        }),
      );
    }
    await tx.stats.summary.statementsAdded(added);
  });
  return resolveIdentity(store, id);
}

/**
 * The entity a person means: an id, else the one entity named or aliased so.
 *
 * @throws NotFoundError when nothing has that name; InvalidArgumentError when several have it.
 */
export async function entityMeant(store: Store, nameOrId: string): Promise<string> {
  const query = nameOrId.trim();
  if (await store.entities.find(query)) return query;
  const ids = await store.entities.idsNamed(query);
  if (ids.length === 1 && ids[0]) return ids[0];
  if (ids.length === 0) throw new NotFoundError(`没有这个实体：${query} (no such entity)`);
  throw new InvalidArgumentError(
    `有 ${ids.length} 个实体叫「${query}」，请用 ID 指明：${ids.join(', ')} (several entities have this name: give an id)`,
  );
}
