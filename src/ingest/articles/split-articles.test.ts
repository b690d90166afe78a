import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../core/types.js';
import { type RepairedText, repairLayout } from '../layout/repair-layout.js';
import { bigramKey, contentBigrams, splitArticles } from './split-articles.js';

const seed = (name: string): string =>
  readFileSync(new URL(`../../../../shared/seeds/${name}`, import.meta.url), 'utf8');

interface Split {
  repaired: RepairedText;
  articles: Article[];
  body(a: Article | undefined): string;
  find(prefix: string): Article | undefined;
}

function split(original: string): Split {
  const repaired = repairLayout(original);
  const articles = splitArticles(repaired);
  const body = (a: Article | undefined) => (a ? repaired.text.slice(a.span.start, a.span.end) : '');
  return { repaired, articles, body, find: (prefix) => articles.find((a) => body(a).startsWith(prefix)) };
}

const lines = (...ls: string[]): string => ls.join('\n');

const ART_EAST = lines(
  '本报讯（记者 王小明）3月8日，东方市人民政府与北方大学在东方市签署全面合作协议，双方将共建新材料联合研究院。',
  '根据协议，北方大学将在东方市设立技术转移中心，每年引进科研团队不少于10个。',
);
const ART_SOUTH = lines(
  '本报讯（记者 李华）3月9日，南山科技园举行智能制造项目集中签约仪式，12个项目签约落户，总投资额达35亿元。',
  '签约项目涵盖工业机器人、精密仪器等领域，预计年产值超过百亿元。',
);

/** A narrow newspaper column: two articles with datelines, headlines printed after the bodies. */
const PAGE = lines(
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
);

describe('splitArticles', () => {
  it('returns no article for an empty text', () => {
    expect(splitArticles(repairLayout(''))).toEqual([]);
  });

  it('makes one article of a single paragraph', () => {
    const s = split('东方市人民政府与北方大学签署全面合作协议。');
    expect(s.articles).toEqual([{ index: 0, span: { start: 0, end: s.repaired.text.length } }]);
  });

  it('starts an article at every dateline and takes the byline from it', () => {
    const s = split(lines(ART_EAST, ART_SOUTH));
    expect(s.articles).toHaveLength(2);
    expect(s.articles.map((a) => a.byline)).toEqual(['记者 王小明', '记者 李华']);
    expect(s.body(s.articles[0])).toBe(ART_EAST);
    expect(s.body(s.articles[1])).toBe(ART_SOUTH);
  });

  it('gives a headline printed before a dateline to that article', () => {
    const s = split(lines('东方市与北方大学签署全面合作协议', ART_EAST, '南山科技园项目集中签约', ART_SOUTH));
    expect(s.articles.map((a) => a.headline)).toEqual([
      '东方市与北方大学签署全面合作协议',
      '南山科技园项目集中签约',
    ]);
    const first = s.articles[0];
    expect(first && s.repaired.text.slice(first.headlineSpan?.start, first.headlineSpan?.end)).toBe(
      '东方市与北方大学签署全面合作协议',
    );
    expect(s.body(first)).toBe(ART_EAST);
  });

  it('starts an article at a headline followed by body paragraphs on a page with datelines', () => {
    const s = split(
      lines(
        ART_EAST,
        '北方大学新材料研究院揭牌',
        '北方大学新材料研究院昨日在东方市高新区揭牌，首批入驻团队8个。',
      ),
    );
    expect(s.articles).toHaveLength(2);
    expect(s.articles[1]?.headline).toBe('北方大学新材料研究院揭牌');
    expect(s.body(s.articles[1])).toBe('北方大学新材料研究院昨日在东方市高新区揭牌，首批入驻团队8个。');
  });

  it('gives headlines printed after the bodies to the article sharing the most content with them', () => {
    const s = split(PAGE);
    const east = s.find('本报讯（记者 王小明）');
    const south = s.find('本报讯（记者 李华）');
    expect(east?.headline).toBe('东方市与北方大学签署全面合作协议 / 共建新材料联合研究院');
    expect(south?.headline).toBe('南山科技园12个智能制造项目签约');
    expect(s.articles).toHaveLength(2);
  });

  it('points headlineSpan at the first headline line and keeps the body span apart from it', () => {
    const s = split(PAGE);
    const east = s.find('本报讯（记者 王小明）');
    const span = east?.headlineSpan;
    expect(span && s.repaired.text.slice(span.start, span.end)).toBe('东方市与北方大学签署全面合作协议');
    expect(s.body(east).endsWith('服务地方产业发展。')).toBe(true);
    expect(s.body(east)).not.toContain('东方市与北方大学签署全面合作协议');
  });

  it('gives a headline printed right above an unrelated dateline back to the body it belongs to', () => {
    const s = split(lines(ART_EAST, '东方市与北方大学签署全面合作协议', ART_SOUTH));
    expect(s.find('本报讯（记者 王小明）')?.headline).toBe('东方市与北方大学签署全面合作协议');
    expect(s.find('本报讯（记者 李华）')?.headline).toBeUndefined();
  });

  it('keeps a detached headline that matches no body as an item of its own', () => {
    const s = split(lines(ART_EAST, ART_SOUTH, '西河县推进乡村振兴示范带建设', '全省粮食生产再获丰收'));
    expect(s.articles).toHaveLength(4);
    const alone = s.articles.filter((a) => a.headline && !a.byline);
    expect(alone.map((a) => a.headline)).toEqual(['西河县推进乡村振兴示范带建设', '全省粮食生产再获丰收']);
    for (const a of alone) expect(a.span).toEqual(a.headlineSpan);
  });

  it('makes a caption with its photo credit an item of its own', () => {
    const s = split(
      lines(ART_EAST, '图为工作人员在东方市新材料研究院中试车间调试设备。', '本报记者 张三 摄', ART_SOUTH),
    );
    expect(s.articles).toHaveLength(3);
    const photo = s.find('图为工作人员');
    expect(photo?.byline).toBe('本报记者 张三 摄');
    expect(s.body(photo)).toBe('图为工作人员在东方市新材料研究院中试车间调试设备。\n本报记者 张三 摄');
  });

  it('takes the byline of an article from a byline line under its headline', () => {
    const s = split(
      lines(
        ART_SOUTH,
        '北方大学新材料研究院揭牌',
        '记者 王五 通讯员 赵六',
        '北方大学新材料研究院昨日在东方市高新区揭牌，首批入驻团队8个。',
      ),
    );
    const institute = s.articles.find((a) => a.headline === '北方大学新材料研究院揭牌');
    expect(institute?.byline).toBe('记者 王五 通讯员 赵六');
  });

  it('lets a closing （记者 …） sign the article before it instead of opening one', () => {
    const s = split(
      lines(
        '新华社北京3月8日电 东方市人民政府与北方大学8日签署全面合作协议。',
        '双方将共建新材料联合研究院。',
        '（记者 张三）',
        ART_SOUTH,
      ),
    );
    expect(s.articles).toHaveLength(2);
    expect(s.articles[0]?.byline).toBe('记者 张三');
    expect(s.body(s.articles[0]).endsWith('（记者 张三）')).toBe(true);
  });

  it('starts an article at a news-agency dateline inside a paragraph', () => {
    const s = split(
      lines(
        ART_SOUTH,
        '新华社北京3月8日电（记者 张三）东方市人民政府与北方大学8日签署全面合作协议。',
        '双方将共建新材料联合研究院。',
      ),
    );
    expect(s.articles).toHaveLength(2);
    expect(s.articles[1]?.byline).toBe('记者 张三');
    expect(s.body(s.articles[1]).startsWith('新华社北京3月8日电')).toBe(true);
  });

  it('does not start articles at numbered section headings inside a news article', () => {
    const s = split(
      lines(
        ART_EAST,
        '一、共建研究院',
        '双方将共建新材料联合研究院，首期投入2亿元。',
        '二、联合培养人才',
        '北方大学每年为东方市培养研究生100名。',
      ),
    );
    expect(s.articles).toHaveLength(1);
    expect(s.body(s.articles[0]).endsWith('培养研究生100名。')).toBe(true);
  });

  it('makes a report with a title and numbered sections one article headed by its title', () => {
    const report = lines(
      '东方市科技合作年度报告',
      '一、总体情况',
      '东方市与北方大学签署全面合作协议，共建新材料联合研究院。',
      '（一）共建平台',
      '建成新材料中试基地，年产值超5亿元。',
      '二、下一步工作',
      '继续深化院地合作，推动成果转化。',
    );
    const s = split(report);
    expect(s.articles).toHaveLength(1);
    expect(s.articles[0]?.headline).toBe('东方市科技合作年度报告');
    expect(s.body(s.articles[0]).startsWith('一、总体情况')).toBe(true);
    expect(s.body(s.articles[0]).endsWith('推动成果转化。')).toBe(true);
  });

  it('keeps a report with unnumbered section headings in one article', () => {
    const s = split(
      lines(
        '东方市科技合作年度报告',
        '总体情况',
        '东方市与北方大学签署全面合作协议，共建新材料联合研究院。',
        '平台建设',
        '建成新材料中试基地，年产值超5亿元。',
      ),
    );
    expect(s.articles).toHaveLength(1);
    expect(s.articles[0]?.headline).toBe('东方市科技合作年度报告 / 总体情况');
  });

  it('attaches at most three headline lines to a body and treats earlier ones as detached', () => {
    const s = split(
      lines(
        ART_SOUTH,
        '科技创新在行动',
        '西河县推进乡村振兴示范带建设',
        '北方大学新材料研究院揭牌',
        '首批入驻团队8个',
        '北方大学新材料研究院昨日在东方市高新区揭牌，首批入驻团队8个。',
      ),
    );
    const institute = s.find('北方大学新材料研究院昨日');
    expect(institute?.headline).toBe(
      '西河县推进乡村振兴示范带建设 / 北方大学新材料研究院揭牌 / 首批入驻团队8个',
    );
    expect(s.articles.some((a) => a.headline === '科技创新在行动')).toBe(true);
  });

  it('numbers articles from 0 in reading order with spans that do not overlap', () => {
    const s = split(PAGE);
    s.articles.forEach((a, i) => {
      expect(a.index).toBe(i);
      const next = s.articles[i + 1];
      if (next) expect(a.span.end).toBeLessThanOrEqual(next.span.start);
      expect(a.span.start).toBeLessThanOrEqual(a.span.end);
      expect(a.span.end).toBeLessThanOrEqual(s.repaired.text.length);
    });
  });

  it('gives an article only headline lines that match it, leaving the others standalone', () => {
    const s = split(lines(ART_EAST, ART_SOUTH, '全省粮食生产再获丰收', '东方市与北方大学签署全面合作协议'));
    expect(s.find('本报讯（记者 王小明）')?.headline).toBe('东方市与北方大学签署全面合作协议');
    expect(s.find('本报讯（记者 李华）')?.headline).toBeUndefined();
    expect(s.articles.find((a) => a.headline === '全省粮食生产再获丰收')?.byline).toBeUndefined();
  });

  it('keeps the body of text before the first dateline as an article without headline', () => {
    const s = split(lines('（上接第一版）双方还将在人才培养、成果转化等方面开展深度合作。', ART_EAST));
    expect(s.articles).toHaveLength(2);
    expect(s.articles[0]?.headline).toBeUndefined();
    expect(s.body(s.articles[0])).toContain('（上接第一版）');
  });

  it('splits a megabyte of pages quickly, matching headlines only to nearby bodies', () => {
    const original = `${PAGE}\n\n`.repeat(Math.ceil(1_000_000 / PAGE.length));
    const started = performance.now();
    const s = split(original);
    expect(performance.now() - started).toBeLessThan(5_000);
    const last = s.articles.filter((a) => a.byline === '记者 李华').at(-1);
    expect(last?.headline).toBe('南山科技园12个智能制造项目签约');
    expect(last?.headlineSpan?.start).toBeGreaterThan(last?.span.end ?? Number.POSITIVE_INFINITY);
  });

  it('does not let page numbers start articles', () => {
    const s = split(lines(ART_EAST, '- 3 -', ART_SOUTH));
    expect(s.articles).toHaveLength(2);
  });
});

describe('contentBigrams', () => {
  it('keeps bigrams of ideographs and ASCII, without punctuation or function characters', () => {
    const grams = contentBigrams('41个电子信息项目（重庆）的签约');
    expect(grams.has(bigramKey('个电'))).toBe(true);
    expect(grams.has(bigramKey('41'))).toBe(true);
    expect(grams.has(bigramKey('电子'))).toBe(true);
    expect(grams.has(bigramKey('重庆'))).toBe(true);
    expect(grams.has(bigramKey('目重'))).toBe(false);
    expect(grams.has(bigramKey('的签'))).toBe(false);
    expect(grams.has(bigramKey('庆）'))).toBe(false);
  });
});

describe('splitArticles on the seed documents', () => {
  it('splits the newspaper page of seed 000 and gives back its detached headlines', () => {
    const s = split(seed('000_d216a71aa114e994.txt'));
    const cooperation = s.find('本报讯（重庆日报记者 罗静雯）');
    expect(cooperation?.headline?.startsWith('重庆市与中国科学院签署战略合作协议')).toBe(true);
    expect(cooperation?.headline).toContain('唐良智与侯建国座谈并见证签约');
    expect(cooperation?.byline).toBe('重庆日报记者 罗静雯');
    const signing = s.find('本报讯（重庆日报记者 李星婷）');
    expect(signing?.headline).toContain('41个电子信息项目集中签约');
    expect(signing?.byline).toBe('重庆日报记者 李星婷');
    expect(s.body(signing)).toContain('建立大数据人才培养基地等合作。');
    expect(s.body(signing)).not.toContain('罗静雯');
    const photo = s.find('近日，工作人员在綦江');
    expect(photo?.byline).toBe('重庆日报记者 张锦辉 摄');
    expect(photo?.headline).toBeUndefined();
    expect(s.articles.map((a) => a.index)).toEqual(s.articles.map((_, i) => i));
  });

  it('keeps the report of seed 002 as one article under its title', () => {
    const s = split(seed('002_717669ecf8a4545b.txt'));
    expect(s.articles).toHaveLength(1);
    expect(s.articles[0]?.headline).toBe('中国科学院服务重庆市科技合作现状');
    expect(s.body(s.articles[0]).startsWith('一、院市合作基本情况')).toBe(true);
    expect(s.body(s.articles[0]).endsWith('将院市科技合作推向新高度。')).toBe(true);
  });
});
