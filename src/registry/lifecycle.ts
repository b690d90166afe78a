/**
 * A project's lifecycle: signed → landed → under construction → in production, or withdrawn
 * from any of them. A move that skips a step or goes back is refused unless the person gives a
 * reason, which is stored with the move.
 */
import { InvalidArgumentError } from '../core/errors.js';
import { PROJECT_STATUS_LABELS, type ProjectStatus, type StatusChange } from '../core/registry.js';

const ORDER: readonly ProjectStatus[] = ['signed', 'landed', 'under_construction', 'in_production'];

const label = (status: ProjectStatus) => `“${PROJECT_STATUS_LABELS[status].zh}”`;

/** Why `from → to` breaks the lifecycle order, or undefined when it follows it. */
export function transitionProblem(from: ProjectStatus, to: ProjectStatus): string | undefined {
  if (from === to) return `项目已是${label(to)}状态 (the project is already ${PROJECT_STATUS_LABELS[to].en})`;
  if (from === 'withdrawn') {
    return `项目已退出，不能再变为${label(to)} (a withdrawn project cannot become ${PROJECT_STATUS_LABELS[to].en})`;
  }
  if (to === 'withdrawn') return undefined;
  const step = ORDER.indexOf(to) - ORDER.indexOf(from);
  if (step === 1) return undefined;
  const en = `${PROJECT_STATUS_LABELS[from].en} → ${PROJECT_STATUS_LABELS[to].en}`;
  return step > 1
    ? `不能从${label(from)}直接变为${label(to)}，中间还有${ORDER.slice(
        ORDER.indexOf(from) + 1,
        ORDER.indexOf(to),
      )
        .map(label)
        .join('、')} (${en} skips a step)`
    : `不能从${label(from)}退回${label(to)} (${en} goes back)`;
}

/**
 * The change that moves a project from `from` to `to` on `on`.
 *
 * @example
 * statusChange('signed', 'landed', '2021-03-01') // { status: 'landed', on: '2021-03-01' }
 * statusChange('signed', 'in_production', '2021-03-01') // throws: skips landed and under construction
 * statusChange('signed', 'in_production', '2021-03-01', '外方提供已投产证明') // { …, override: '外方提供已投产证明' }
 * @throws InvalidArgumentError when the move breaks the order and no reason is given, or the day is not a day.
 */
export function statusChange(
  from: ProjectStatus,
  to: ProjectStatus,
  on: string,
  override?: string,
): StatusChange {
  if (!isDay(on))
    throw new InvalidArgumentError(`日期应为 YYYY-MM-DD：“${on}” (the date must be YYYY-MM-DD)`);
  const problem = transitionProblem(from, to);
  const reason = override?.trim();
  if (!problem) return { status: to, on };
  if (from === to || from === 'withdrawn' || !reason) {
    const hint =
      from === to || from === 'withdrawn'
        ? ''
        : '；如确有其事，请填写理由后再提交 (give a reason to override)';
    throw new InvalidArgumentError(`${problem}${hint}`);
  }
  return { status: to, on, override: reason };
}

/** Whether the text is a real day of the calendar, `YYYY-MM-DD`. */
export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
