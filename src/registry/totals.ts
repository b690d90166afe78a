/**
 * The registry's sums: projects, investment and output by zone, by year of signing, by
 * category and by status. Computed from the same records the lists show, so the two agree.
 */
import { PROJECT_STATUSES, type ProjectRecord, type ProjectStatus } from '../core/registry.js';

export interface Total {
  key: string;
  projects: number;
  /** Yuan. */
  investment: number;
  expectedOutput: number;
  actualOutput: number;
}

export interface RegistryTotals {
  all: Total;
  byZone: Total[];
  byYear: Total[];
  byCategory: Total[];
  byStatus: Array<Total & { key: ProjectStatus }>;
}

/** What a project without the field is filed under. */
export const UNKNOWN = '未填写';

function sum(key: string, projects: readonly ProjectRecord[]): Total {
  let investment = 0;
  let expectedOutput = 0;
  let actualOutput = 0;
  for (const p of projects) {
    investment += p.investment ?? 0;
    expectedOutput += p.expectedOutput ?? 0;
    actualOutput += p.actualOutput ?? 0;
  }
  return { key, projects: projects.length, investment, expectedOutput, actualOutput };
}

function by(projects: readonly ProjectRecord[], keyOf: (p: ProjectRecord) => string | undefined): Total[] {
  const groups = new Map<string, ProjectRecord[]>();
  for (const p of projects) {
    const key = keyOf(p) ?? UNKNOWN;
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  return [...groups].map(([key, group]) => sum(key, group));
}

const byInvestment = (a: Total, b: Total) => b.investment - a.investment || a.key.localeCompare(b.key, 'zh');

export function registryTotals(projects: readonly ProjectRecord[]): RegistryTotals {
  const byStatus = PROJECT_STATUSES.map((status) => ({
    ...sum(
      status,
      projects.filter((p) => p.status === status),
    ),
    key: status,
  }));
  return {
    all: sum('all', projects),
    byZone: by(projects, (p) => p.zone).sort(byInvestment),
    byYear: by(projects, (p) => p.signed?.slice(0, 4)).sort((a, b) => a.key.localeCompare(b.key)),
    byCategory: by(projects, (p) => p.category).sort(byInvestment),
    byStatus,
  };
}
