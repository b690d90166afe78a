/**
 * An enterprise's technology need as matching takes it: what is needed, in Chinese, and
 * optionally the company, its district, the field, a budget and a deadline. Checked here, so
 * every interface (form, API, CLI, spreadsheet) gives the same clear errors.
 */
import { InvalidArgumentError } from '../core/errors.js';
import { CANDIDATE_KINDS, type CandidateKind } from './candidate.js';
import { MATCHING_CONFIG } from './matching.config.js';
import { type Field, matchingLexicon } from './matching-lexicon.js';
import { type Division, placeDivisions, placeLabel } from './proximity.js';

export interface NeedInput {
  description: string;
  company?: string;
  district?: string;
  /** A field of the taxonomy, by id (`graphene`) or name (石墨烯与碳材料). */
  field?: string;
  /** Yuan. */
  budget?: number;
  /** `YYYY-MM-DD`. */
  deadline?: string;
  kinds?: readonly string[];
}

export interface Need {
  description: string;
  company?: string;
  district?: string;
  division?: Division;
  field?: Field;
  budget?: number;
  deadline?: string;
  kinds?: CandidateKind[];
}

const HAN = /\p{Script=Han}/gu;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const NAME_LIMIT = 200;

/** The field of the taxonomy a name or id stands for. */
export function fieldNamed(name: string): Field | undefined {
  const { fields } = matchingLexicon();
  const wanted = name.trim();
  return (
    fields.get(wanted) ??
    [...fields.values()].find((f) => f.zh === wanted || f.en.toLowerCase() === wanted.toLowerCase())
  );
}

/**
 * A need checked and resolved: its district to a division of China, its field to the taxonomy.
 *
 * @example parseNeed({ description: '需要石墨烯导热膜量产工艺', district: '重庆市北碚区' }).division?.district // '500109'
 * @throws InvalidArgumentError (in Chinese, then English in brackets) for an empty, too long or
 *   non-Chinese description, an unknown district or field, a bad budget or deadline.
 */
export function parseNeed(input: NeedInput): Need {
  const description = input.description.trim();
  const { needMaxLength, needMinHan } = MATCHING_CONFIG.limits;
  if (description === '') {
    throw new InvalidArgumentError(
      '请填写需求描述：需要什么技术、解决什么问题 (the description of the need is empty)',
    );
  }
  if (description.length > needMaxLength) {
    throw new InvalidArgumentError(
      `需求描述过长：${description.length} 字，最多 ${needMaxLength} 字，请只写所需的技术 (the description is too long: ${description.length} characters, at most ${needMaxLength})`,
    );
  }
  if ((description.match(HAN) ?? []).length < needMinHan) {
    throw new InvalidArgumentError(
      '需求描述须用中文写明所需的技术，如“需要石墨烯导热膜的量产工艺” (describe the need in Chinese, e.g. 需要石墨烯导热膜的量产工艺)',
    );
  }
  const need: Need = { description };
  const company = input.company?.trim();
  if (company) {
    if (company.length > NAME_LIMIT) {
      throw new InvalidArgumentError(`企业名称过长，最多 ${NAME_LIMIT} 字 (the company name is too long)`);
    }
    need.company = company;
  }
  const district = input.district?.trim();
  if (district) {
    const divisions = district.length <= NAME_LIMIT ? placeDivisions(district) : [];
    const division = divisions[0];
    if (divisions.length > 1) {
      const where = divisions.map((d) => placeLabel(d)).join('、');
      throw new InvalidArgumentError(
        `“${district}”有多处（${where}），请写明所在城市，如 ${placeLabel(divisions[1] as Division).replace(/·/g, '')} (${district} is the name of several places: give its city too)`,
      );
    }
    if (!division) {
      throw new InvalidArgumentError(
        `不认识的地点“${district.slice(0, 40)}”：请写区县、城市或省份，如 北碚区、重庆市北碚区 (unknown district ${district.slice(0, 40)}: give a district, city or province)`,
      );
    }
    need.district = district;
    need.division = division;
  }
  if (input.field?.trim()) {
    const field = fieldNamed(input.field);
    if (!field) {
      const names = [...matchingLexicon().fields.values()].filter((f) => !f.parent).map((f) => f.zh);
      throw new InvalidArgumentError(
        `不认识的领域“${input.field.trim().slice(0, 40)}”，可选：${names.join('、')} 及其下的细分领域 (unknown field ${input.field.trim().slice(0, 40)})`,
      );
    }
    need.field = field;
  }
  if (input.budget !== undefined) {
    if (!Number.isFinite(input.budget) || input.budget < 0) {
      throw new InvalidArgumentError(
        `预算应为不小于 0 的金额（元），而不是 ${input.budget} (the budget is an amount in yuan, 0 or more)`,
      );
    }
    need.budget = input.budget;
  }
  if (input.deadline !== undefined && input.deadline !== '') {
    if (!DAY.test(input.deadline) || Number.isNaN(Date.parse(input.deadline))) {
      throw new InvalidArgumentError(
        `截止日期应为 YYYY-MM-DD，而不是“${input.deadline}” (the deadline is YYYY-MM-DD)`,
      );
    }
    need.deadline = input.deadline;
  }
  if (input.kinds?.length) {
    const unknown = input.kinds.filter((k) => !(CANDIDATE_KINDS as readonly string[]).includes(k));
    if (unknown.length > 0) {
      throw new InvalidArgumentError(
        `不认识的候选类型：${unknown.join('、')}，可选 ${CANDIDATE_KINDS.join('、')} (unknown kinds of candidate)`,
      );
    }
    need.kinds = [...new Set(input.kinds)] as CandidateKind[];
  }
  return need;
}
