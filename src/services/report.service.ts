/**
 * The cooperation status report from the knowledge base: the events of a region and period
 * (and, when asked, of one party), told by accepted or not yet reviewed statements, and the
 * registry's projects of the same scope; composed and rendered by `src/report`.
 */
import type { ProjectRecord } from '../core/registry.js';
import { lexicon } from '../extract/lexicon/lexicon.js';
import { composeReport, type Report } from '../report/compose-report.js';
import { regionMatcher } from '../report/region.js';
import type { Store } from '../store/open-store.js';
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

/** The test of names against the scope's region; every name passes when there is none. */
function regionTest(scope: ReportScope): (name: string | undefined) => boolean {
  if (!scope.region) return () => true;
  return regionMatcher(scope.region, lexicon().places);
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
  inRegion: (name: string | undefined) => boolean,
  partyIds: ReadonlySet<string>,
): boolean {
  if (hasPeriod(scope) && (!event.date || !inPeriod(scope, years(event.date)))) return false;
  if (scope.region) {
    const region = scope.region;
    const named = inRegion(event.place) || event.participants.some(inRegion);
    if (!named && !(event.origin.sentence ?? '').includes(region)) return false;
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
  inRegion: (name: string | undefined) => boolean,
  partyNames: ReadonlySet<string>,
): boolean {
  if (hasPeriod(scope)) {
    const signed = project.signed ?? project.history[0]?.on;
    if (!signed || !inPeriod(scope, years(signed))) return false;
  }
  if (scope.region && !(inRegion(project.zone) || project.parties.some(inRegion) || inRegion(project.name)))
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

/** The report for a scope; an empty scope gives a report that says so. */
export async function writeReport(store: Store, scope: ReportScope): Promise<Report> {
  const eventIds = (await store.entities.ofType('event')).map((e) => e.id);
  const partyIds = scope.party ? await store.entities.idsNamed(scope.party) : [];
  const partyIdSet = new Set(partyIds);
  const inRegion = regionTest(scope);
  // One read of the events' statements: their views carry the review status of their type.
  const events = (await eventViews(store, eventIds))
    .filter((event) => event.status !== 'rejected' && eventInScope(event, scope, inRegion, partyIdSet))
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
  const projects = (await listProjects(store)).filter((p) => projectInScope(p, scope, inRegion, partyNames));
  return composeReport(scope, events, projects, used);
}
