/**
 * Follow-through: the rules that flag what needs attention. Each rule reads records and the
 * day it is, and says why a record is flagged; nothing here reads a clock of its own, so the
 * rules are tested on fixed days.
 */
import type { AgreementRecord, PlatformRecord, ProjectRecord } from '../core/registry.js';

export interface AttentionSettings {
  /** A project still only signed this many months after signing is flagged. */
  landingMonths: number;
  /** A platform with no reported activity for this many months is flagged. */
  quietMonths: number;
}

export const DEFAULT_ATTENTION: AttentionSettings = { landingMonths: 6, quietMonths: 12 };

export type AttentionRule = 'not_landed' | 'commitment_overdue' | 'platform_quiet';

export interface AttentionItem {
  rule: AttentionRule;
  recordId: string;
  name: string;
  /** Why it is flagged, in Chinese then English. */
  reason: string;
  /** The day the rule counts from: signing, due date or last activity. */
  since: string;
  /** Whole days since then, for sorting the longest-waiting first. */
  days: number;
}

/** `day` moved by whole months, keeping the day of the month where it exists. */
export function addMonths(day: string, months: number): string {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, last));
  return target.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Projects signed more than `landingMonths` ago that are still only signed. */
export function notLanded(
  projects: readonly ProjectRecord[],
  today: string,
  settings = DEFAULT_ATTENTION,
): AttentionItem[] {
  return projects.flatMap((project): AttentionItem[] => {
    if (project.status !== 'signed' || !project.signed) return [];
    if (addMonths(project.signed, settings.landingMonths) > today) return [];
    const months = settings.landingMonths;
    return [
      {
        rule: 'not_landed',
        recordId: project.id,
        name: project.name,
        reason: `签约已超过 ${months} 个月，仍未落地 (signed more than ${months} months ago and not landed)`,
        since: project.signed,
        days: daysBetween(project.signed, today),
      },
    ];
  });
}

/** Commitments past their due date and not done. */
export function overdueCommitments(agreements: readonly AgreementRecord[], today: string): AttentionItem[] {
  return agreements.flatMap((agreement) =>
    agreement.commitments
      .filter((commitment) => !commitment.done && commitment.due !== undefined && commitment.due < today)
      .map((commitment): AttentionItem => {
        const due = commitment.due as string;
        const owner = commitment.owner ? `（${commitment.owner}）` : '';
        return {
          rule: 'commitment_overdue',
          recordId: agreement.id,
          name: agreement.name,
          reason: `承诺事项“${commitment.what}”${owner}已过期限 ${due} (commitment past its due date)`,
          since: due,
          days: daysBetween(due, today),
        };
      }),
  );
}

/** Platforms whose last reported activity (or founding, when none) is older than `quietMonths`. */
export function quietPlatforms(
  platforms: readonly PlatformRecord[],
  today: string,
  settings = DEFAULT_ATTENTION,
): AttentionItem[] {
  return platforms.flatMap((platform): AttentionItem[] => {
    const last = platform.lastActivity ?? platform.founded;
    if (!last || addMonths(last, settings.quietMonths) > today) return [];
    const months = settings.quietMonths;
    return [
      {
        rule: 'platform_quiet',
        recordId: platform.id,
        name: platform.name,
        reason: `${months} 个月以来没有活动记录，最近一次为 ${last} (no reported activity for ${months} months)`,
        since: last,
        days: daysBetween(last, today),
      },
    ];
  });
}

/** Every rule over the registry, the longest-waiting first. */
export function attention(
  registry: {
    projects: readonly ProjectRecord[];
    agreements: readonly AgreementRecord[];
    platforms: readonly PlatformRecord[];
  },
  today: string,
  settings = DEFAULT_ATTENTION,
): AttentionItem[] {
  return [
    ...notLanded(registry.projects, today, settings),
    ...overdueCommitments(registry.agreements, today),
    ...quietPlatforms(registry.platforms, today, settings),
  ].sort((a, b) => b.days - a.days || a.name.localeCompare(b.name, 'zh'));
}
