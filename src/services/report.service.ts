/**
 * The cooperation status report from the knowledge base: the events of a region and period
 * (and, when asked, of one party), told by accepted or not yet reviewed statements, and the
 * registry's projects; composed and rendered by `src/report`.
 */
import { composeReport, type Report } from '../report/compose-report.js';
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

function inScope(event: EventView, scope: ReportScope, partyIds: ReadonlySet<string>): boolean {
  if (scope.from !== undefined || scope.to !== undefined) {
    if (!event.date) return false;
    const [start, end] = years(event.date);
    if (scope.from !== undefined && end < scope.from) return false;
    if (scope.to !== undefined && start > scope.to) return false;
  }
  if (scope.region) {
    const region = scope.region;
    const told = [event.place ?? '', ...event.participants, event.origin.sentence ?? ''];
    if (!told.some((text) => text.includes(region))) return false;
  }
  if (scope.party && !event.participantIds.some((id) => partyIds.has(id))) return false;
  return true;
}

/** The report for a scope; an empty scope gives a report that says so. */
export async function writeReport(store: Store, scope: ReportScope): Promise<Report> {
  const eventIds = (await store.entities.ofType('event')).map((e) => e.id);
  const partyIds = new Set(scope.party ? await store.entities.idsNamed(scope.party) : []);
  // One read of the events' statements: their views carry the review status of their type.
  const events = (await eventViews(store, eventIds))
    .filter((event) => event.status !== 'rejected' && inScope(event, scope, partyIds))
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
  const projects = (await listProjects(store)).filter((p) => {
    const year = p.signed ? Number(p.signed.slice(0, 4)) : undefined;
    if (year !== undefined && scope.from !== undefined && year < scope.from) return false;
    if (year !== undefined && scope.to !== undefined && year > scope.to) return false;
    return true;
  });
  return composeReport(scope, events, projects, used);
}
