/**
 * A batch of projects signed together, listed item by item after the sentence that counts them:
 *
 *   32个项目签约落户南通，总投资三百零八亿元。
 *   （1）A与如皋高新区签约，投资45亿元建设…；
 *   （2）B与南通经济技术开发区管理委员会签约，…
 *
 * The batch takes the parties of its items, and an item that signs no named agreement
 * (A与B签约，投资…) is one of the batch's projects, not an agreement of its own.
 */
import type { CooperationEvent } from '../../core/types.js';

/** How an item of a list begins: （1） (2) 1. 2、 ①. */
const LIST_ITEM =
  /^\s*(?:[（(]\s*[0-9一二三四五六七八九十]{1,3}\s*[)）]|[0-9]{1,2}\s*[.、．](?![0-9])|[①-⑳])/u;

/** A short sentence that introduces a list: 主要签约项目有：, 具体如下：. */
const LIST_INTRODUCTION = /^[^。；\n]{0,20}[：:]\s*/u;

/**
 * A few sentences more of the batch, with no event of their own, before the list is introduced,
 * in its paragraph or the next ones: 本批项目中，投资额20亿元以上的有6个。主要签约项目包括：
 */
const FIGURES_BEFORE_LIST = /^[\s\S]{0,300}?[。；]\s*(?=[^。；\n]{0,20}[：:]\s*$)/u;

export function withBatchItems(events: CooperationEvent[], text: string): CooperationEvent[] {
  for (const [index, batch] of events.entries()) {
    if (batch.type !== 'project_signing' || batch.objects.length === 0 || LIST_ITEM.test(batch.evidence))
      continue;
    const items = itemsAfter(events, index, text);
    if (items.length === 0) continue;
    for (const item of items) {
      if (item.type === 'agreement' && item.objects.length === 0 && item.trigger.includes('签约'))
        item.type = 'project_signing';
    }
    const signed = items.filter((item) => item.type === 'project_signing' || item.type === 'agreement');
    batch.participants = [
      ...new Set([...batch.participants, ...signed.flatMap((item) => item.participants)]),
    ];
  }
  return events;
}

/** The events of the list that begins right after the batch's sentence, in the order told. */
function itemsAfter(events: readonly CooperationEvent[], index: number, text: string): CooperationEvent[] {
  const batch = events[index] as CooperationEvent;
  const items: CooperationEvent[] = [];
  let end = batch.span.end;
  for (const event of events.slice(index + 1)) {
    if (event.span.start === batch.span.start) continue;
    const sameItem = items.at(-1)?.span.start === event.span.start;
    if (!sameItem) {
      // The next item follows the last one, or the batch, with nothing but items between, and
      // before the first, the words that introduce the list (主要签约项目有：).
      let between = text.slice(end, event.span.start).trim();
      if (items.length === 0)
        between = between.replace(FIGURES_BEFORE_LIST, '').replace(LIST_INTRODUCTION, '');
      if ((between !== '' && !LIST_ITEM.test(between)) || !LIST_ITEM.test(event.evidence)) break;
      end = event.span.end;
    }
    items.push(event);
  }
  return items;
}
