/**
 * The cooperation status report from the knowledge base: the events of a region and period
 * (and, when asked, of one party), told by accepted or not yet reviewed statements, and the
 * registry's projects of the same scope; composed and rendered by `src/report`.
 */
import type { ProjectRecord } from '../core/registry.js';
import { sentenceAround } from '../core/sentence-around.js';
import { lexicon } from '../extract/lexicon/lexicon.js';
import { composeReport, type Report } from '../report/compose-report.js';
import { type Region, regionOf } from '../report/region.js';
import type { Store } from '../store/open-store.js';
import type { EventTelling } from '../store/statement.repository.js';
import { type EventView, eventViews } from './entity.service.js';
import { listProjects } from './registry.service.js';

export interface ReportScope {
  region?: string;
  from?: number;
  to?: number;
  party?: string;
}

/** Years an event's date covers: `2018-04` → 2018 to 2018; `2016/2020` → 2016 to 2020. */
function years(date: string): [number, number] {
  const [from = '', to = from] = date.split('/');
  return [Number(from.slice(0, 4)), Number(to.slice(0, 4))];
}

/** The scope's region, when it has one. */
const regionOfScope = (scope: ReportScope): Region | undefined =>
  scope.region ? regionOf(scope.region, lexicon().places) : undefined;

/** Documents per read of their texts. */
const TEXTS_PER_READ = 500;

/** Of the events told with the region's bodies and places, those whose sentence names the region. */
async function toldNaming(
  store: Store,
  tellings: readonly EventTelling[],
  region: string,
): Promise<string[]> {
  const byDocument = new Map<string, EventTelling[]>();
  for (const telling of tellings) {
    const list = byDocument.get(telling.documentId);
    if (list) list.push(telling);
    else byDocument.set(telling.documentId, [telling]);
  }
  const documents = [...byDocument.keys()];
  const naming: string[] = [];
  for (let at = 0; at < documents.length; at += TEXTS_PER_READ) {
    for (const [id, text] of await store.documents.texts(documents.slice(at, at + TEXTS_PER_READ))) {
      for (const telling of byDocument.get(id) ?? [])
        if (sentenceAround(text, telling.span).text.includes(region)) naming.push(telling.eventId);
    }
  }
  return naming;
}

/**
 * The events that may be in scope, found through the narrowest index the scope allows: those
 * of the party; or those with the region's bodies and places as parties or place, and those told
 * in a sentence naming the region in the documents that mention a body or place of its name;
 * every event only when neither narrows. Each is then tested whole.
 */
async function candidateEvents(
  store: Store,
  scope: ReportScope,
  region: Region | undefined,
  partyIds: readonly string[],
): Promise<string[]> {
  if (scope.party) return store.stats.summary.eventsOf(partyIds, scope);
  if (!region || !scope.region) return (await store.entities.ofType('event')).map((e) => e.id);
  const places = (await store.entities.ofType('place')).filter((p) => region.includes(p.key));
  const named = await store.entities.idsWithKeyContaining(region.names, ['organization', 'place']);
  const ids = [...new Set([...places.map((p) => p.id), ...named])];
  // A sentence that names the region is in a document where a body or place of that name is
  // mentioned: only those documents are read (not those of the districts inside the region).
  const naming = await store.entities.idsWithKeyContaining([scope.region], ['organization', 'place']);
  const told = await toldNaming(store, await store.statements.eventsToldWith(naming), scope.region);
  const taking = await store.stats.summary.eventsOf(ids, scope);
  return [...new Set([...told, ...taking])].sort();
}

/** Whether years `start` to `end` meet the scope's period. */
function inPeriod(scope: ReportScope, [start, end]: [number, number]): boolean {
  if (scope.from !== undefined && end < scope.from) return false;
  if (scope.to !== undefined && start > scope.to) return false;
  return true;
}

const hasPeriod = (scope: ReportScope) => scope.from !== undefined || scope.to !== undefined;

function eventInScope(
  event: EventView,
  scope: ReportScope,
  region: Region | undefined,
  partyIds: ReadonlySet<string>,
): boolean {
  if (hasPeriod(scope) && (!event.date || !inPeriod(scope, years(event.date)))) return false;
  if (region && scope.region) {
    const named = region.includes(event.place) || event.participants.some((p) => region.includes(p));
    if (!named && !(event.origin.sentence ?? '').includes(scope.region)) return false;
  }
  if (scope.party && !event.participantIds.some((id) => partyIds.has(id))) return false;
  return true;
}

/**
 * Whether a registry project is in scope: signed in the period (on its signing day, else the day
 * of its first status), hosted in the region (its zone, a party or its own name naming it or lying
 * in it), with the party among its parties (by any name the knowledge base knows it by).
 */
function projectInScope(
  project: ProjectRecord,
  scope: ReportScope,
  region: Region | undefined,
  partyNames: ReadonlySet<string>,
): boolean {
  if (hasPeriod(scope)) {
    const signed = project.signed ?? project.history[0]?.on;
    if (!signed || !inPeriod(scope, years(signed))) return false;
  }
  if (
    region &&
    !(
      region.includes(project.zone) ||
      project.parties.some((p) => region.includes(p)) ||
      region.includes(project.name)
    )
  )
    return false;
  if (scope.party && !project.parties.some((name) => partyNames.has(name))) return false;
  return true;
}

/** The names the knowledge base knows the party's entities by, and the name as asked. */
async function namesOf(store: Store, party: string, ids: readonly string[]): Promise<Set<string>> {
  const names = new Set([party]);
  for (const s of await store.statements.about(ids))
    if ((s.property === 'name' || s.property === 'alias') && typeof s.value === 'string') names.add(s.value);
  return names;
}

/** Events per read of their statements: a bounded list of ids, whatever the scope holds. */
const VIEWS_PER_READ = 2000;

/** The events' views, read a slice at a time; each view carries the review status of its type. */
async function viewsOf(store: Store, eventIds: readonly string[]): Promise<EventView[]> {
  const views: EventView[] = [];
  for (let at = 0; at < eventIds.length; at += VIEWS_PER_READ)
    views.push(...(await eventViews(store, eventIds.slice(at, at + VIEWS_PER_READ))));
  return views;
}

/** The report for a scope; an empty scope gives a report that says so. */
export async function writeReport(store: Store, scope: ReportScope): Promise<Report> {
  const partyIds = scope.party ? await store.entities.idsNamed(scope.party) : [];
  const partyIdSet = new Set(partyIds);
  const region = regionOfScope(scope);
  const eventIds = await candidateEvents(store, scope, region, partyIds);
  const events = (await viewsOf(store, eventIds))
    .filter((event) => event.status !== 'rejected' && eventInScope(event, scope, region, partyIdSet))
    .sort(
      (a, b) =>
        (a.date ?? '').localeCompare(b.date ?? '') ||
        (a.origin.span?.start ?? 0) - (b.origin.span?.start ?? 0),
    );
  const used = { accepted: 0, proposed: 0 };
  for (const event of events) {
    if (event.status === 'accepted') used.accepted++;
    else used.proposed++;
  }
  const partyNames = scope.party ? await namesOf(store, scope.party, partyIds) : new Set<string>();
  const projects = (await listProjects(store)).filter((p) => projectInScope(p, scope, region, partyNames));
  return composeReport(scope, events, projects, used);
}
