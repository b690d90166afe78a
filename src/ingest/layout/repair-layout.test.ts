import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  isByline,
  isPhotoCredit,
  matchDateline,
  type RepairedText,
  repairLayout,
  startsWithEnumeration,
} from './repair-layout.js';

const seed = (name: string): string =>
  readFileSync(new URL(`../../../../shared/seeds/${name}`, import.meta.url), 'utf8');
const SEED_PAGE = seed('000_d216a71aa114e994.txt');
const SEED_REPORT = seed('002_717669ecf8a4545b.txt');

const blockTexts = (r: RepairedText): string[] => r.blocks.map((b) => r.text.slice(b.span.start, b.span.end));
const kinds = (r: RepairedText): string[] => r.blocks.map((b) => b.kind);
const squeeze = (s: string): string => s.replace(/\s+/g, '');

/** Every block maps onto exactly its own characters; every copied character maps onto itself. */
function expectExactMap(original: string, r: RepairedText): void {
  for (const [i, block] of r.blocks.entries()) {
    const span = r.spanToOriginal(block.span);
    const slice = original.slice(span.start, span.end);
    expect(squeeze(slice), `block ${i}`).toBe(squeeze(blockTexts(r)[i] ?? ''));
    expect(slice.trim(), `block ${i} has no surrounding whitespace`).toBe(slice);
  }
  const wrong: number[] = [];
  for (let i = 0; i < r.text.length; i++) {
    const c = r.text.charAt(i);
    if (c !== '\n' && c !== ' ' && original.charAt(r.toOriginal(i)) !== c) wrong.push(i);
  }
  expect(wrong).toEqual([]);
  expect(r.toOriginal(r.text.length)).toBe(original.length);
}

/** A narrow newspaper column: two articles with datelines, headlines printed after the bodies. */
const PAGE = [
  '本报讯（记者 王小明）',
  '3月8日，东方市人民政府与北方',
  '大学在东方市签署全面合作协议，',
  '双方将共建新材料联合研究院，推',
  '动科研成果在东方市转化落地。',
  '',
  '根据协议，北方大学将在东方市',
  '',
  '设立技术转移中心，每年引进科研',
  '团队不少于10个，并联合培养研究',
  '生，服务地方产业发展。',
  '',
  '本报讯（记者 李华）',
  '3月9日，南山科技园举行智能制',
  '造项目集中签约仪式，12个项目签',
  '约落户，总投资额达35亿元，涵盖',
  '工业机器人、精密仪器等领域。',
  '',
  '东方市与北方大学签署全面合作协议',
  '共建新材料联合研究院',
  '',
  '南山科技园12个智能制造项目签约',
].join('\n');

/** A report with one paragraph per line, a page break inside a paragraph, numbered sections. */
const REPORT = [
  '东方市科技合作年度报告',
  '',
  '一、总体情况',
  '',
  '（一）深化战略合作',
  '',
  '2021年3月，东方市人民政府与北方大学签署全面合作协议，双方约定共建新材料联合研究院，推动科研成果在东方市转化，培养高层次创',
  '',
  '新人才，服务地方产业发展。',
  '',
  '（二）共建平台，推进创新体系建设',
  '',
  '1. 建成新材料中试基地，年产值超5亿元。',
  '2. 建成东方市智能制造公共服务平台，服务企业200余家。',
].join('\n');

describe('repairLayout', () => {
  it('returns nothing for an empty string', () => {
    const r = repairLayout('');
    expect(r.text).toBe('');
    expect(r.blocks).toEqual([]);
    expect(r.toOriginal(0)).toBe(0);
    expect(r.spanToOriginal({ start: 0, end: 0 })).toEqual({ start: 0, end: 0 });
  });

  it('returns nothing for text made only of blank lines and full-width spaces', () => {
    const original = '\n\u3000\u3000\n  \r\n\t\n';
    const r = repairLayout(original);
    expect(r.text).toBe('');
    expect(r.blocks).toEqual([]);
    expect(r.toOriginal(0)).toBe(original.length);
  });

  it('keeps a single line as one paragraph', () => {
    const original = '东方市与北方大学签署全面合作协议。';
    const r = repairLayout(original);
    expect(r.text).toBe(original);
    expect(kinds(r)).toEqual(['paragraph']);
    expectExactMap(original, r);
  });

  it('joins the lines of a narrow column broken in the middle of words', () => {
    const r = repairLayout(PAGE);
    expect(r.text).toContain(
      '3月8日，东方市人民政府与北方大学在东方市签署全面合作协议，双方将共建新材料联合研究院，推动科研成果在东方市转化落地。',
    );
    expect(r.text).toContain('工业机器人、精密仪器等领域。');
  });

  it('joins a full column line across a blank line inside a sentence', () => {
    const r = repairLayout(PAGE);
    expect(r.text).toContain(
      '根据协议，北方大学将在东方市设立技术转移中心，每年引进科研团队不少于10个，并联合培养研究生，服务地方产业发展。',
    );
  });

  it('continues a full-width line that ends with a comma', () => {
    const r = repairLayout(PAGE);
    expect(r.text).toContain('签署全面合作协议，双方将共建');
    expect(r.text).not.toContain('协议，\n');
  });

  it('ends a paragraph at a line noticeably shorter than the column', () => {
    const original = [
      '东方市近年来加快培育新兴产业，',
      '推进科技成果转化和高新技术产业',
      '化，已有企业719家',
      '北方大学在东方市设立的研究院已',
      '引进科研团队十余个，成果转化率',
      '逐年提升，服务企业超过百家。',
    ].join('\n');
    const r = repairLayout(original);
    expect(blockTexts(r)).toEqual([
      '东方市近年来加快培育新兴产业，推进科技成果转化和高新技术产业化，已有企业719家',
      '北方大学在东方市设立的研究院已引进科研团队十余个，成果转化率逐年提升，服务企业超过百家。',
    ]);
    expectExactMap(original, r);
  });

  it('ends a paragraph at a line ending with 。 even at full column width', () => {
    const original = [
      '东方市人民政府与北方大学签署了合',
      '作协议，共建新材料联合研究院。',
      '北方大学将在东方市设立技术转移中心。',
      '双方还将在人才培养、成果转化等方',
      '面开展深度合作，推动产业发展。',
    ].join('\n');
    const r = repairLayout(original);
    expect(blockTexts(r)).toEqual([
      '东方市人民政府与北方大学签署了合作协议，共建新材料联合研究院。',
      '北方大学将在东方市设立技术转移中心。',
      '双方还将在人才培养、成果转化等方面开展深度合作，推动产业发展。',
    ]);
  });

  it('continues a full line ending with 。 when paragraphs are otherwise separated by blank lines', () => {
    const original = [
      '东方市人民政府与北方大学签署了合',
      '作协议。共建新材料联合研究院已纳',
      '入全市重点项目清单，明年投用。',
      '',
      '北方大学将在东方市设立技术转移。',
      '中心选址高新区，年内建成运行。',
      '',
      '双方还将在人才培养等方面开展深',
      '度合作，推动产业发展。',
      '',
      '南山科技园举行项目集中签约仪式，',
      '12个智能制造项目签约落户园区。',
      '',
      '签约项目总投资额达35亿元，涵盖',
      '工业机器人、精密仪器等领域。',
    ].join('\n');
    const r = repairLayout(original);
    expect(blockTexts(r)).toEqual([
      '东方市人民政府与北方大学签署了合作协议。共建新材料联合研究院已纳入全市重点项目清单，明年投用。',
      '北方大学将在东方市设立技术转移。中心选址高新区，年内建成运行。',
      '双方还将在人才培养等方面开展深度合作，推动产业发展。',
      '南山科技园举行项目集中签约仪式，12个智能制造项目签约落户园区。',
      '签约项目总投资额达35亿元，涵盖工业机器人、精密仪器等领域。',
    ]);
  });

  it('keeps a dateline on its own line as a dateline block and starts the body after it', () => {
    const r = repairLayout(PAGE);
    expect(blockTexts(r)[0]).toBe('本报讯（记者 王小明）');
    expect(kinds(r)[0]).toBe('dateline');
    expect(blockTexts(r)[1]?.startsWith('3月8日，')).toBe(true);
  });

  it('starts a new block at an enumeration marker in column text', () => {
    const original = [
      '双方商定在以下方面开展合作，包括',
      '（一）共建新材料联合研究院，推动',
      '科研成果在东方市转化落地；',
      '（二）联合培养研究生，服务地方产',
      '业发展。',
    ].join('\n');
    const r = repairLayout(original);
    expect(blockTexts(r)).toEqual([
      '双方商定在以下方面开展合作，包括',
      '（一）共建新材料联合研究院，推动科研成果在东方市转化落地；',
      '（二）联合培养研究生，服务地方产业发展。',
    ]);
  });

  it('does not join a line much wider than the column with its neighbours', () => {
    const original = [
      '东方市人民政府与北方大学签署了合',
      '作协议，共建新材料联合研究院，明',
      '东方市与北方大学全面深化科技合作共建新材料联合研究院推动成果转化',
      '年投用，服务企业超过一百家，辐射',
      '周边地区，带动产业转型升级。',
    ].join('\n');
    const r = repairLayout(original);
    expect(blockTexts(r)).toEqual([
      '东方市人民政府与北方大学签署了合作协议，共建新材料联合研究院，明',
      '东方市与北方大学全面深化科技合作共建新材料联合研究院推动成果转化',
      '年投用，服务企业超过一百家，辐射周边地区，带动产业转型升级。',
    ]);
  });

  it('keeps a run of headline lines printed after the articles apart, as headings', () => {
    const r = repairLayout(PAGE);
    const texts = blockTexts(r);
    const at = texts.indexOf('东方市与北方大学签署全面合作协议');
    expect(at).toBeGreaterThan(0);
    expect(texts.slice(at)).toEqual([
      '东方市与北方大学签署全面合作协议',
      '共建新材料联合研究院',
      '南山科技园12个智能制造项目签约',
    ]);
    expect(kinds(r).slice(at)).toEqual(['heading', 'heading', 'heading']);
  });

  it('joins two comma-less lines that open a paragraph when the body goes on after them', () => {
    const original = [
      '北方大学在东方市设立的新材料研究院',
      '',
      '是双方共建的首个综合性研发机构和',
      '成果转化平台，位于东方市高新区，',
      '明年建成投用。',
      '',
      '南山科技园举行项目集中签约仪式。',
    ].join('\n');
    const r = repairLayout(original);
    expect(blockTexts(r)[0]).toBe(
      '北方大学在东方市设立的新材料研究院是双方共建的首个综合性研发机构和成果转化平台，位于东方市高新区，明年建成投用。',
    );
    expectExactMap(original, r);
  });

  it('joins a report paragraph cut by a page break and keeps its headings apart', () => {
    const r = repairLayout(REPORT);
    expect(blockTexts(r)).toEqual([
      '东方市科技合作年度报告',
      '一、总体情况',
      '（一）深化战略合作',
      '2021年3月，东方市人民政府与北方大学签署全面合作协议，双方约定共建新材料联合研究院，推动科研成果在东方市转化，培养高层次创新人才，服务地方产业发展。',
      '（二）共建平台，推进创新体系建设',
      '1. 建成新材料中试基地，年产值超5亿元。',
      '2. 建成东方市智能制造公共服务平台，服务企业200余家。',
    ]);
    expect(kinds(r)).toEqual([
      'heading',
      'heading',
      'heading',
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
    ]);
    expectExactMap(REPORT, r);
  });

  it('does not join a long report line with a following enumerated line', () => {
    const original = [
      '双方商定在以下方面开展合作，具体包括共建平台、联合攻关、人才培养和成果转化等多项内容',
      '1. 共建新材料联合研究院。',
      '2. 联合培养研究生。',
    ].join('\n');
    const r = repairLayout(original);
    expect(r.blocks).toHaveLength(3);
  });

  it('handles \\r\\n line ends with an exact map', () => {
    const original = PAGE.replace(/\n/g, '\r\n');
    const r = repairLayout(original);
    expect(r.text).toBe(repairLayout(PAGE).text);
    expect(r.text).not.toContain('\r');
    expectExactMap(original, r);
  });

  it('trims full-width and ordinary spaces around lines and keeps the map exact', () => {
    const original =
      '\u3000\u3000东方市人民政府与北方大学签署全面合作协议。  \n\u3000\u3000双方将共建新材料联合研究院。\u3000';
    const r = repairLayout(original);
    expect(blockTexts(r)).toEqual([
      '东方市人民政府与北方大学签署全面合作协议。',
      '双方将共建新材料联合研究院。',
    ]);
    expectExactMap(original, r);
    expect(r.spanToOriginal(r.blocks[1]?.span ?? { start: 0, end: 0 })).toEqual({
      start: original.indexOf('双方'),
      end: original.lastIndexOf('。') + 1,
    });
  });

  it('joins Chinese to ASCII without a space (AIOT产业创新中心)', () => {
    const original = [
      '生态圈，投建特斯联全球总部、国家级',
      'AIOT产业创新中心、光大人工智能公',
      '共服务平台以及五大智能产业基地，',
      '形成重要的数字经济产业基地。',
    ].join('\n');
    const r = repairLayout(original);
    expect(r.text).toBe(
      '生态圈，投建特斯联全球总部、国家级AIOT产业创新中心、光大人工智能公共服务平台以及五大智能产业基地，形成重要的数字经济产业基地。',
    );
    expectExactMap(original, r);
  });

  it('puts a space between two ASCII words across a break but keeps a broken number whole', () => {
    const original = [
      '研究院联合企业研发了金属 3D',
      'printing 装备，总投资额超过1',
      '00亿元，年产值预计可达十亿元。',
    ].join('\n');
    const r = repairLayout(original);
    expect(r.text).toBe(
      '研究院联合企业研发了金属 3D printing 装备，总投资额超过100亿元，年产值预计可达十亿元。',
    );
    expect(r.toOriginal(r.text.indexOf(' printing'))).toBe(original.indexOf('\nprinting'));
    expectExactMap(original, r);
  });

  it('classifies bylines, photo credits and the caption before a credit', () => {
    const original = [
      '东方市新材料研究院建成投用',
      '',
      '图为工作人员在东方市新材料研究',
      '院中试车间调试设备。',
      '',
      '本报记者 张三 摄',
      '',
      '北方大学在东方市设立的研究院已',
      '引进科研团队十余个，成果转化率',
      '逐年提升，服务企业超过百家。',
      '',
      '记者 王五 通讯员 赵六',
    ].join('\n');
    const r = repairLayout(original);
    expect(kinds(r)).toEqual(['heading', 'caption', 'byline', 'paragraph', 'byline']);
    expect(blockTexts(r)[1]).toBe('图为工作人员在东方市新材料研究院中试车间调试设备。');
  });

  it('marks a small group of paragraphs before a photo credit as captions', () => {
    const r = repairLayout(SEED_PAGE);
    const texts = blockTexts(r);
    const credit = texts.indexOf('重庆日报记者 张锦辉 摄');
    expect(kinds(r)[credit]).toBe('byline');
    expect(kinds(r)[credit - 1]).toBe('caption');
    expect(texts[credit - 2]?.startsWith('近日，工作人员在綦江')).toBe(true);
    expect(kinds(r)[credit - 2]).toBe('caption');
  });

  it('classifies page numbers and stray marks as short blocks', () => {
    const original = '东方市人民政府与北方大学签署全面合作协议。\n\n- 3 -\n\n（完）';
    expect(kinds(repairLayout(original))).toEqual(['paragraph', 'short', 'short']);
  });

  it('keeps a dateline that opens a paragraph inside that paragraph', () => {
    const original = '新华社北京12月15日电（记者 张三）东方市人民政府与北方大学15日签署全面合作协议。';
    const r = repairLayout(original);
    expect(kinds(r)).toEqual(['paragraph']);
    expect(matchDateline(r.text)).toEqual({
      length: '新华社北京12月15日电（记者 张三）'.length,
      byline: '记者 张三',
    });
  });

  it('handles a megabyte of column text quickly and with a compact map', () => {
    const original = `${PAGE}\n\n`.repeat(Math.ceil(1_000_000 / PAGE.length));
    const started = performance.now();
    const r = repairLayout(original);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(2_000);
    expect(r.blocks.length).toBeGreaterThan(1000);
    const probe = r.text.lastIndexOf('南山科技园');
    expect(original.slice(r.toOriginal(probe), r.toOriginal(probe) + 5)).toBe('南山科技园');
  });

  it('maps spans that start or end on inserted characters onto the copied characters only', () => {
    const r = repairLayout(REPORT);
    const separator = r.text.indexOf('\n');
    const span = r.spanToOriginal({ start: separator, end: separator + 3 });
    expect(REPORT.slice(span.start, span.end)).toBe('一、');
    const tail = r.spanToOriginal({ start: separator - 2, end: separator + 1 });
    expect(REPORT.slice(tail.start, tail.end)).toBe('报告');
  });
});

describe('line patterns', () => {
  it('recognises datelines and the reporter inside them', () => {
    expect(matchDateline('本报讯（重庆日报记者 李星婷）12月15日，')).toEqual({
      length: 15,
      byline: '重庆日报记者 李星婷',
    });
    expect(matchDateline('本报北京12月15日电 东方市')?.length).toBe('本报北京12月15日电'.length);
    expect(matchDateline('（记者 张三）12月15日，东方市')?.byline).toBe('记者 张三');
    expect(matchDateline('本报记者了解到，东方市')).toBeUndefined();
  });

  it('recognises bylines and photo credits but not sentences about reporters', () => {
    expect(isByline('重庆日报记者 张锦辉 摄')).toBe(true);
    expect(isByline('记者 王五 通讯员 赵六')).toBe(true);
    expect(isByline('文/张三')).toBe(true);
    expect(isByline('记者从东方市科技局获悉，全市新增高新技术企业100家。')).toBe(false);
    expect(isPhotoCredit('重庆日报记者 张锦辉 摄')).toBe(true);
    expect(isPhotoCredit('记者 王五 通讯员 赵六')).toBe(false);
  });

  it('recognises enumeration markers but not numbers', () => {
    for (const s of [
      '一、总体情况',
      '（一）深化合作',
      '(2)联合培养',
      '1. 建成基地',
      '1、建成基地',
      '第一章 总则',
      '①共建平台',
    ]) {
      expect(startsWithEnumeration(s), s).toBe(true);
    }
    for (const s of ['1.5亿元投资', '12月15日', '一是创新', '第一次会议']) {
      expect(startsWithEnumeration(s), s).toBe(false);
    }
  });
});

describe('repairLayout on the seed documents', () => {
  it('rejoins the newspaper page of seed 000', () => {
    const r = repairLayout(SEED_PAGE);
    expect(r.text).toContain('光大人工智能产业基地是西部（重庆）科学城和特斯联科技集团共建的项目');
    expect(r.text).toContain('总投资额超100亿元。');
    expect(r.text).toContain('中国科学院重庆科学中心');
    expect(r.text).toContain('打造人工智能城市安全运营中心；中国电子技术标准化研究院');
    expect(blockTexts(r)).toContain('重庆市与中国科学院签署战略合作协议');
    expect(blockTexts(r)).toContain('唐良智与侯建国座谈并见证签约');
    expect(kinds(r).filter((k) => k === 'dateline')).toHaveLength(2);
    expectExactMap(SEED_PAGE, r);
  });

  it('rejoins the page breaks of the report in seed 002', () => {
    const r = repairLayout(SEED_REPORT);
    expect(r.text).toContain('开展院地资源对接');
    expect(r.text).toContain('中国科学院重庆绿色智能技术研究院—深信服');
    expect(blockTexts(r)[0]).toBe('中国科学院服务重庆市科技合作现状');
    expect(kinds(r)[0]).toBe('heading');
    expect(blockTexts(r)).toContain('（一）持续深化战略合作');
    expectExactMap(SEED_REPORT, r);
  });
});
