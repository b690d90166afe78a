/** Times that are part of a name, and so date nothing. */
import type { TimeMention } from '../../core/types.js';

/** Words that end the name of an occasion: a time before them is part of the name. */
const OCCASION_END = /(仪式|大会|论坛|峰会|博览会|交易会|洽谈会|对接会|推介会|研讨会|年会|活动)$/;

/** The name of an award right after a year: 吉安市科学技术奖, 科技进步奖一等奖. */
const AWARD_AFTER = /^[^，。；、：,;:\s]{0,20}?奖(?!金|励)/;

/**
 * Whether a time is part of a name rather than the date of something (2022年第三季度重大项目集中
 * 签约仪式, 2022中国（长沙）科技成果转化交易会): written against the words of an occasion's name,
 * or inside the book-title marks of a title (《校地科技合作协议（2025—2030年）》).
 */
export function isTimeInName(text: string, time: TimeMention): boolean {
  // The year of an award (2024年度焦作市科学技术奖) names the award, not the day it is given.
  if (time.text.endsWith('年度') && AWARD_AFTER.test(text.slice(time.span.end, time.span.end + 24)))
    return true;
  const before = text.slice(Math.max(0, time.span.start - 60), time.span.start);
  if (before.lastIndexOf('《') > before.lastIndexOf('》')) return true;
  const rest = /^[^，。；、：,;:\s在于将已]{2,30}/.exec(text.slice(time.span.end, time.span.end + 30));
  return rest !== null && OCCASION_END.test(rest[0]);
}
