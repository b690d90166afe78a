import { describe, expect, it } from 'vitest';
import { lexicon } from '../lexicon/lexicon.js';
import { tokenize } from '../segmentation/segmenter.js';
import { recognizePersons } from './person.recognizer.js';

function people(text: string): Array<[string, string | undefined]> {
  const seen = new Map<string, string | undefined>();
  for (const m of recognizePersons(text, tokenize(text), lexicon()))
    if (!seen.has(m.text)) seen.set(m.text, m.title);
  return [...seen];
}

describe('recognizePersons', () => {
  it('reads a name after its title', () => {
    expect(people('市委副书记、市长唐良智出席')).toEqual([['唐良智', '市长']]);
  });

  it('reads the bare name of a county-level city after a title as a person', () => {
    expect(people('山东大学教授邹平等十余位院士出席')).toEqual([['邹平', '教授']]);
    expect(people('公司总经理安达表示')).toEqual([['安达', '总经理']]);
  });

  it('reads 延, a surname of its own besides 呼延, before a given name', () => {
    expect(people('吉林化工学院教授延吉明团队创办了该企业')).toEqual([['延吉明', '教授']]);
  });

  it('does not find the person in the city whose name they share', () => {
    const mentions = recognizePersons(
      '教授邹平出席。邹平市与滨州学院签约。',
      tokenize('教授邹平出席。邹平市与滨州学院签约。'),
      lexicon(),
    );
    expect(mentions.map((m) => m.span.start)).toEqual([2]);
  });

  it('reads a province, a city or a district after a title as a place', () => {
    expect(people('副市长重庆调研')).toEqual([]);
    expect(people('院长江北区调研')).toEqual([]);
  });

  it('reads 和 before a word of the dictionary as a conjunction, not a surname', () => {
    expect(people('两岸农业专家和企业代表与会')).toEqual([]);
    expect(people('研究员于海燕介绍')).toEqual([['于海燕', '研究员']]);
  });

  it("reads a district's bare name after a title as a person when the place's name does not follow", () => {
    expect(people('中心主任江川介绍')).toEqual([['江川', '主任']]);
    expect(people('研究员江北表示')).toEqual([['江北', '研究员']]);
  });

  it('reads 由 before a place as a word, not a surname', () => {
    expect(people('首任院长由武汉理工大学副校长张明远担任')).toEqual([['张明远', '副校长']]);
  });

  it('reads 由 before the short name of a body as a word, not a surname', () => {
    expect(people('首任院长由电工所研究员陈卓然担任')).toEqual([['陈卓然', '研究员']]);
  });

  it('reads a name written with a middle dot whole, up to the word after it', () => {
    expect(people('选举新疆大学副校长艾尔肯·吐尔逊为首届理事长')).toEqual([['艾尔肯·吐尔逊', '副校长']]);
    expect(people('自治区副主席阿不都热依木·买买提出席会议并讲话。')).toEqual([
      ['阿不都热依木·买买提', '副主席'],
    ]);
    expect(people('克劳斯精密传动亚太区总裁马库斯·韦伯说，平湖基地将承担研发')).toEqual([
      ['马库斯·韦伯', '总裁'],
    ]);
  });

  it('reads 理事长单位 as the body holding the chair, not a person', () => {
    expect(people('选举中国科学院自动化研究所为理事长单位')).toEqual([]);
  });

  it('ends a guessed name at the 及 the segmenter joined to it', () => {
    expect(people('副校长黄宗仁及火炬管委会主任陈建国出席')).toEqual([
      ['黄宗仁', '副校长'],
      ['陈建国', '主任'],
    ]);
  });

  it('stops a three-character name before a conjunction', () => {
    expect(people('市长唐良智与院长侯建国座谈')).toEqual([
      ['唐良智', '市长'],
      ['侯建国', '院长'],
    ]);
  });

  it('reads a two-character name before 等', () => {
    expect(people('市领导熊雪等参加。')).toEqual([['熊雪', '市领导']]);
  });

  it('reads a two-character name before punctuation', () => {
    expect(people('中国科学院副院长张涛，')).toEqual([['张涛', '副院长']]);
  });

  it('reads a name before a title that follows it', () => {
    expect(people('代表陈敏尔书记，感谢')).toEqual([['陈敏尔', '书记']]);
  });

  it('reads a compound surname', () => {
    expect(people('院长欧阳明高介绍')).toEqual([['欧阳明高', '院长']]);
  });

  it('stops a two-character name before a reporting verb', () => {
    expect(people('省长王晓东表示，')).toEqual([['王晓东', '省长']]);
    expect(people('所长李明介绍，')).toEqual([['李明', '所长']]);
  });

  it('reads a reporter after a space', () => {
    expect(people('本报讯（记者 周敏）')).toEqual([['周敏', '记者']]);
  });

  it('finds later mentions of a name without its title', () => {
    const text = '市长唐良智出席。唐良智说，';
    expect(recognizePersons(text, tokenize(text), lexicon()).map((m) => m.span.start)).toEqual([2, 8]);
  });

  it('does not read a town after a county-level city as a mayor', () => {
    expect(people('江阴市长泾镇的企业')).toEqual([]);
  });

  it('does not read a title without a name', () => {
    expect(people('市长表示，')).toEqual([]);
  });

  it('does not read a place after a title as a name', () => {
    expect(people('主任北京')).toEqual([]);
  });

  it('does not read words that are not surnames as names', () => {
    expect(people('副院长在会上')).toEqual([]);
  });

  it('reads an academician after the name', () => {
    expect(people('会上，潘建伟院士作报告')).toEqual([['潘建伟', '院士']]);
  });

  it('reads a chairman of a company', () => {
    expect(people('公司董事长杨华勇表示')).toEqual([['杨华勇', '董事长']]);
  });

  it('reports spans that point into the text', () => {
    const text = '副省长刘玉平、院长周敏出席';
    for (const m of recognizePersons(text, tokenize(text), lexicon())) {
      expect(text.slice(m.span.start, m.span.end)).toBe(m.text);
    }
  });

  it('reads a title whose last character the segmenter joined to the name (董事长阳立新, 长阳 a county)', () => {
    expect(people('雁城核医董事长阳立新介绍，公司成立于2021年')).toEqual([['阳立新', '董事长']]);
  });

  it('keeps a given name that ends in 和 before a punctuation mark (卢正和，)', () => {
    expect(people('十堰市副市长卢正和，湖北汽车工业学院院长出席')).toEqual([['卢正和', '副市长']]);
  });

  it('knows the family names 傅, 蒯, 仉 and 雒 and the compound 张简', () => {
    expect(people('所长傅明远说，副市长蒯振亭出席')).toEqual([
      ['傅明远', '所长'],
      ['蒯振亭', '副市长'],
    ]);
    expect(people('副校长仉宏业表示，研究员雒文斌介绍')).toEqual([
      ['仉宏业', '副校长'],
      ['雒文斌', '研究员'],
    ]);
    expect(people('电电公会理事长张简志诚出席并致辞')).toEqual([['张简志诚', '理事长']]);
  });

  it('knows the rarer family names 谯, 笪 and 禚', () => {
    expect(people('副市长谯志刚出席，研究员禚海平介绍，董事长笪国平表示')).toEqual([
      ['谯志刚', '副市长'],
      ['禚海平', '研究员'],
      ['笪国平', '董事长'],
    ]);
  });

  it('keeps a given name that ends in 和 before what the person does (陶景和出席)', () => {
    expect(people('江苏大学副校长陶景和出席签约活动')).toEqual([['陶景和', '副校长']]);
    expect(people('董事长王立和总经理李明出席')).toEqual([
      ['王立', '董事长'],
      ['李明', '总经理'],
    ]);
  });

  it('reads a name before its title after a conjunction', () => {
    expect(people('学习贯彻全会精神和习近平总书记的重要指示')).toEqual([['习近平', '总书记']]);
  });
});
