import { describe, expect, it } from 'vitest';
import type { CooperationEvent } from '../../core/types.js';
import { extractText } from '../extract-document.js';

function events(text: string, published = '2021-06-30'): CooperationEvent[] {
  return extractText(text, { published }).events;
}

describe('extractEvents', () => {
  it('reads an agreement with its parties, date, object and place', () => {
    const [event] = events('12月15日，湖北省人民政府与中国科学院在武汉签署战略合作协议。', '2020-12-16');
    expect(event).toMatchObject({
      type: 'agreement',
      date: '2020-12-15',
      participants: ['湖北省人民政府', '中国科学院'],
      objects: ['战略合作协议'],
      place: '武汉市',
      planned: false,
    });
  });

  it('reads a title a body is given (被…认定为, 被…评为) as a milestone of the body and the giver', () => {
    const [recognised] = events('今年7月，岳阳高新区科技企业孵化器被科学技术部认定为国家级科技企业孵化器。');
    expect(recognised).toMatchObject({
      type: 'milestone',
      date: '2021-07',
      participants: ['岳阳高新区科技企业孵化器', '科学技术部'],
    });
    const [named] = events('去年11月，定西市科学技术局被科学技术部评为全国科技特派员工作先进集体。');
    expect(named).toMatchObject({ type: 'milestone', participants: ['定西市科学技术局', '科学技术部'] });
  });

  it('reads a signing that goes on to invest in building one thing as the signing of that project', () => {
    const found = events(
      '同日，美国北岸生命科学公司与海宁经济开发区签约，投资约三亿美元建设细胞培养基生产项目。',
    );
    expect(found.find((e) => e.type === 'project_signing')).toMatchObject({
      participants: ['美国北岸生命科学公司', '海宁经济开发区'],
      objects: ['细胞培养基生产项目'],
    });
    expect(found.some((e) => e.type === 'agreement')).toBe(false);
    // Signing alone, with nothing invested, is an agreement.
    expect(events('省政府与中国科学院签约。').map((e) => e.type)).toEqual(['agreement']);
  });

  it('reads 揭牌当天 as the day of the unveiling told before, not as a second unveiling', () => {
    const found = events(
      '8月13日，粤港中药质量与安全联合实验室在肇庆揭牌。揭牌当天，实验室配套的中药指纹图谱检测平台同步投入运行。',
    );
    expect(found.map((e) => [e.type, e.date])).toEqual([
      ['founding', '2021-08-13'],
      ['operation', '2021-08-13'],
    ]);
  });

  it('reads things told by their number after the predicate as what was done to them', () => {
    const [transferred] = events('今年以来，全市院地合作项目累计转化科技成果二十三项。');
    expect(transferred).toMatchObject({ type: 'transfer', objects: ['科技成果二十三项'] });
    const [founded] = events('截至9月底，全市已建成各类技术转移机构二十九家，累计培育技术经纪人六百余名。');
    expect(founded).toMatchObject({ type: 'founding', objects: ['技术转移机构二十九家'] });
    const signed = events('8月12日，襄樊技术交易博览会开幕，现场签订技术合同四十二项，成交金额逾十五亿元。');
    expect(signed.find((e) => e.type === 'agreement')).toMatchObject({
      date: '2021-08-12',
      objects: ['技术合同四十二项'],
    });
  });

  it('gives things done by their number to the body the sentence is about', () => {
    const found = events('中心于2018年组建，累计转化科技成果11项。', '2021-06-17');
    expect(found.map((e) => [e.type, e.objects])).toEqual([['transfer', ['科技成果11项']]]);
    const withCentre = events('滨海海洋食品工程技术研究中心由滨海大学组建。中心累计转化科技成果11项。');
    expect(withCentre.find((e) => e.type === 'transfer')).toMatchObject({
      participants: ['滨海海洋食品工程技术研究中心'],
      objects: ['科技成果11项'],
    });
  });

  it('reads no event in numbers aimed at or in things that can be done', () => {
    expect(events('力争到2028年转化科技成果50项以上。')).toEqual([]);
    expect(events('明年3月，转化中心首批发布可转化成果清单不少于20项。')).toEqual([]);
  });

  it('reads guests unveiling the plaque of the body just told as no second founding', () => {
    const found = events(
      '5月20日，滨江大学与滨江市人民政府共建的滨江稻虾产业研究院揭牌成立。滨江大学副校长夏侯明远、滨江市副市长向东林共同为研究院揭牌。',
    );
    expect(found.map((e) => [e.type, e.objects])).toEqual([['founding', ['滨江稻虾产业研究院']]]);
    // Told first, the unveiling is the founding.
    expect(events('滨江大学副校长夏侯明远为滨江稻虾产业研究院揭牌。').map((e) => e.type)).toEqual([
      'founding',
    ]);
  });

  it('dates an award ceremony by its day, not by the year the award is named after', () => {
    const found = events(
      '1月14日，吉安市人民政府召开全市科技创新大会，对二〇二六年度吉安市科学技术奖获奖项目进行表彰。',
      '2027-01-15',
    );
    expect(found.find((e) => e.type === 'milestone')?.date).toBe('2027-01-14');
  });

  it('reads a prize won by its name (获科学技术合作奖) as a milestone, and giving prizes as none', () => {
    const found = events('中国科学院光电技术研究所获科学技术合作奖。市长甘伟平为获奖代表颁奖。');
    expect(found.map((e) => [e.type, e.participants, e.objects])).toEqual([
      ['milestone', ['中国科学院光电技术研究所'], ['科学技术合作奖']],
    ]);
  });

  it('gives a result told of before (该成果已在…推广应用) to the bodies whose result it is', () => {
    const found = events(
      '井冈山大学与江西吉安红海电路科技有限公司联合完成的“微孔精密加工关键技术”获科技进步奖一等奖。该成果已在吉州区7家企业推广应用。',
    );
    expect(found.find((e) => e.type === 'transfer')?.participants).toEqual([
      '井冈山大学',
      '江西吉安红海电路科技有限公司',
    ]);
  });

  it('reads no founding when its predicate has only a thing and no body after it', () => {
    expect(events('重庆大学将组建科研团队，开展联合攻关。')).toEqual([]);
  });

  it('keeps a body named inside a branch out of the parties of its event', () => {
    const [event] = events('华为技术有限公司南京分公司与东南大学签约。');
    expect(event?.participants).toEqual(['华为技术有限公司南京分公司', '东南大学']);
  });

  it('gives a service count to the body an earlier predicate of its sentence set up', () => {
    const found = events(
      '2020年，河北省科学技术厅批准建设河北省新能源电力装备试验检测平台。该平台于2020年建成，累计服务企业260余家。',
    );
    const served = found.find((e) => e.type === 'incubation');
    expect(served?.participants).toEqual(['河北省新能源电力装备试验检测平台']);
  });

  it('gives the hosts a later sentence names to the gathering that held the occasion', () => {
    const found = events(
      '6月18日，第五届川渝科技创新合作大会在绵阳举行。大会由四川省人民政府与重庆市人民政府联合主办，300余位代表出席。',
      '2021-06-19',
    ).filter((e) => e.type === 'gathering');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      date: '2021-06-18',
      participants: ['四川省人民政府', '重庆市人民政府'],
      objects: ['第五届川渝科技创新合作大会'],
    });
  });

  it('keeps hosts apart from a gathering of another occasion', () => {
    const found = events(
      '6月18日，川渝科技创新合作大会在绵阳举行。对接会由四川省科学技术厅主办。',
      '2021-06-19',
    ).filter((e) => e.type === 'gathering');
    expect(found).toHaveLength(2);
  });

  it('gives a count of the signings at an occasion the parties of the signings told at it', () => {
    const found = events(
      [
        '6月18日，川渝科技创新合作大会在绵阳举行。',
        '大会上，西南科技大学与四川九洲电器集团有限责任公司签署战略合作协议；电子科技大学将雷达信号处理技术转让给绵阳海川电子有限公司。',
        '本届大会共促成签约项目12个，总金额逾20亿元。',
      ].join(''),
      '2021-06-19',
    );
    const total = found.find((e) => e.type === 'project_signing');
    expect(total?.participants).toEqual([
      '西南科技大学',
      '四川九洲电器集团有限责任公司',
      '电子科技大学',
      '绵阳海川电子有限公司',
    ]);
  });

  it('reads a technology priced and put into a company (以“…技术”作价三千万元入股) as its transfer', () => {
    const [transfer] = events(
      '路演现场，南平学院以“茶多酚低温萃取技术”作价三千万元入股福建武夷茶科技有限公司，占股30%。',
      '2026-03-20',
    );
    expect(transfer).toMatchObject({
      type: 'transfer',
      participants: ['南平学院', '福建武夷茶科技有限公司'],
      objects: ['茶多酚低温萃取技术'],
    });
  });

  it('reads money put into a company (以现金入股) as no transfer', () => {
    const found = events('福建武夷茶科技有限公司以现金入股南平茶叶机械有限公司。', '2026-03-20');
    expect(found.map((e) => e.type)).not.toContain('transfer');
  });

  it('reads the services a body offers (提供技术评估、专利运营和融资对接服务) as no predicates', () => {
    const found = events(
      '同日，由福建省科学技术厅、南平市人民政府共建的闽北技术转移中心南平分中心揭牌，将为企业提供技术评估、专利运营和融资对接服务。',
      '2026-03-20',
    );
    expect(found.map((e) => e.type)).toEqual(['founding']);
  });

  it('reads 签约现场 as the occasion of a sentence, not a signing', () => {
    const found = events(
      '6月18日，签约现场，电子科技大学将雷达信号处理技术转让给绵阳海川电子有限公司。',
      '2021-06-19',
    );
    expect(found.map((e) => e.type)).toEqual(['transfer']);
  });

  it('reads a review passed (通过…组织的科技成果评价, 通过专家论证) as a milestone', () => {
    const [review] = events('去年10月，湘潭大学通过湖南省科学技术厅组织的科技成果评价。', '2021-06-30');
    expect(review).toMatchObject({
      type: 'milestone',
      date: '2020-10',
      participants: ['湘潭大学', '湖南省科学技术厅'],
      objects: ['科技成果评价'],
    });
    const [argued] = events('3月，株洲国创轨道科技有限公司的中试基地通过专家论证。');
    expect(argued).toMatchObject({ type: 'milestone', objects: ['专家论证'] });
  });

  it('reads a prize won as a milestone of the technology, with no body named', () => {
    const [prize] = events('该技术2019年获湖南省科技进步一等奖。');
    expect(prize).toMatchObject({
      type: 'milestone',
      date: '2019',
      participants: [],
      objects: ['湖南省科技进步一等奖'],
    });
  });

  it('reads no review where it only qualifies a body, nor where it is a field of work', () => {
    expect(events('对通过绩效评价的创新联合体，市里将给予一次性奖励。')).toEqual([]);
    expect(events('湘潭大学设立药物筛选与评价、新材料两个方向。')).toEqual([]);
  });

  it.each([
    {
      name: 'gives a batch the parties of the items listed after it, and reads those items as its projects',
      lines: [
        '6月12日，洽谈会开幕式上，18个项目集中签约，总投资96亿元。主要签约项目有：',
        '1. 株洲中车时代电气股份有限公司投资12亿元建设功率半导体基地；',
        '2. 湘潭电机股份有限公司与湘潭经济技术开发区管理委员会签约，投资8亿元建设风电装备产业园；',
        '3. 中南大学与株洲市人民政府签约，共建株洲先进轨道交通研究院。',
      ],
      published: '2021-06-13',
      parties: ['湘潭电机股份有限公司', '湘潭经济技术开发区管理委员会', '中南大学', '株洲市人民政府'],
    },
    {
      name: 'finds the items of a batch after a sentence more of its figures',
      lines: [
        '9月8日，集中签约活动上，21个项目签约落户遵义，总投资一百六十亿元。本批项目中，制造业项目占比过半。重点签约项目有：',
        '（1）贵州赤水竹业科技有限公司与赤水市人民政府签约，投资12亿元建设竹材精深加工基地；',
        '（2）遵义医科大学与汇川区人民政府签约，共建遵义生物医药研究院。',
      ],
      published: '2025-09-09',
      parties: ['贵州赤水竹业科技有限公司', '赤水市人民政府', '遵义医科大学', '汇川区人民政府'],
    },
    {
      name: 'finds the items of a batch introduced in a later paragraph, after who attended',
      lines: [
        '15日，集中签约活动在会展中心举行，26个项目现场签约，总投资约一百二十亿元。副市长周文斌出席签约活动。',
        '',
        '本次签约项目中，先进制造业项目占比过半。部分签约项目如下：',
        '',
        '（1）广东海川新材料有限公司与江门高新技术产业开发区管理委员会签约，投资约5000万美元建设新材料生产基地；',
        '（2）五邑大学与台山市人民政府签约，共建台山海洋装备研究院。',
      ],
      published: '2025-05-16',
      parties: ['广东海川新材料有限公司', '江门高新技术产业开发区管理委员会', '五邑大学', '台山市人民政府'],
    },
  ])('$name', ({ lines, published, parties }) => {
    const found = events(lines.join('\n'), published);
    const signings = found.filter((e) => e.type === 'project_signing');
    expect(signings[0]?.participants).toEqual(parties);
    expect(found.filter((e) => e.type === 'agreement')).toEqual([]);
  });

  it('reads X由A与B共同建设 as the founding of the subject that opens the sentence', () => {
    const [event] = events(
      '遵义新蒲新材料产业园位于新蒲新区北部，规划面积4.2平方公里，由遵义市人民政府与贵州大学共同规划建设。',
    );
    expect(event).toMatchObject({
      type: 'founding',
      participants: ['遵义市人民政府', '贵州大学'],
      objects: ['遵义新蒲新材料产业园'],
    });
  });

  it('reads no founding in 建设 without the bodies after 由, nor twice in a sentence with its own predicate', () => {
    expect(
      events('贵州赤水竹业科技有限公司将投资12亿元建设竹材精深加工基地。').map((e) => e.type),
    ).not.toContain('founding');
    const found = events(
      '联合实验室由桂林电子科技大学与桂林星辰电力科技有限公司共同建设，双方负责人共同为联合实验室揭牌。',
    );
    expect(found.filter((e) => e.type === 'founding')).toHaveLength(1);
  });

  it('dates a predicate told as on the same day (投产当天) by the day told last before it', () => {
    const found = events(
      '2020年度评价结果公布。生产线于7月18日投产。投产当天，株洲中车时代电气股份有限公司与中南大学签订《功率器件联合研发协议》。',
    );
    expect(found.find((e) => e.type === 'agreement')?.date).toBe('2021-07-18');
  });

  it('dates what is done at an occasion (博览会上) by the day told last before it', () => {
    const found = events(
      '8月12日，2025襄阳技术交易博览会在襄阳开幕。博览会上，华中农业大学与襄阳市人民政府签署科技成果转化合作协议。',
      '2025-10-20',
    );
    expect(found.find((e) => e.type === 'agreement')?.date).toBe('2025-08-12');
  });

  it('keeps the source a reporter learns from (从…获悉) out of the parties', () => {
    const found = events(
      '记者今天从运城市科学技术局获悉，由运城学院与运城市盐湖区人民政府共建的河东科创孵化器自2021年揭牌运营以来，累计孵化科技型企业一百零三家。',
      '2025-05-21',
    );
    expect(found.flatMap((e) => e.participants)).not.toContain('运城市科学技术局');
  });

  it('dates a predicate that qualifies a later one of its kind (共建的…自2021年揭牌) by the later one', () => {
    const found = events(
      '记者今天获悉，由运城学院与运城市盐湖区人民政府共建的河东科创孵化器自2021年揭牌运营以来，累计孵化科技型企业一百零三家。',
      '2025-05-21',
    );
    expect(found.find((e) => e.type === 'founding')).toMatchObject({
      date: '2021',
      objects: ['河东科创孵化器'],
    });
  });

  it('gives no event of the article the period its lead sums up (今年1至9月)', () => {
    const found = events(
      '本报讯 今年1至9月，全市登记技术合同二千一百三十六项。\n华中农业大学与襄阳市人民政府签署科技成果转化合作协议。',
      '2025-10-20',
    );
    expect(found.find((e) => e.type === 'agreement')?.date).toBeUndefined();
  });

  it('reads 通过…的验收 as a milestone its bodies passed, and 的验收 alone as no predicate', () => {
    const passed = events(
      '10月，由贵州大学与瓮福（集团）有限责任公司共建的贵州省磷化工资源利用重点实验室通过贵州省科学技术厅组织的验收。',
    );
    expect(passed.find((e) => e.type === 'milestone')?.participants).toContain('贵州大学');
    expect(events('贵州大学负责项目的验收。').filter((e) => e.type === 'milestone')).toEqual([]);
  });

  it('does not date an agreement by the years in its title', () => {
    const [event] = events(
      '会前，江苏大学与镇江市人民政府签署《校地科技合作协议（2025—2030年）》。',
      '2025-09-27',
    );
    expect(event).toMatchObject({ type: 'agreement', objects: ['校地科技合作协议（2025—2030年）'] });
    expect(event?.date).toBeUndefined();
  });

  it('takes the title of an agreement from its book-title marks', () => {
    const [event] = events(
      '2016年4月21日，中科院与重庆市签署了《重庆市人民政府中国科学院全面科技合作协议》。',
    );
    expect(event?.objects).toEqual(['重庆市人民政府中国科学院全面科技合作协议']);
    expect(event?.participants).toContain('中国科学院');
  });

  it('tells each dated signing of a clause apart from the summary before it', () => {
    const agreements = events(
      '“十三五”期间，湖北省与中国科学院签署三次合作协议，2017年3月2日，双方签署了《共建光谷科学岛合作备忘录》，2019年5月8日，湖北省人民政府与中国科学院签订补充协议。',
    ).filter((e) => e.type === 'agreement');
    expect(agreements.map((e) => [e.date, e.objects[0]])).toEqual([
      ['2016/2020', '三次合作协议'],
      ['2017-03-02', '共建光谷科学岛合作备忘录'],
      ['2019-05-08', '补充协议'],
    ]);
  });

  it('names a government once when the place it governs is also named as a party', () => {
    const [, second] = events(
      '湖北省与中国科学院签署合作协议；2019年5月8日，湖北省人民政府与中国科学院在武汉签订补充协议。',
    ).filter((e) => e.type === 'agreement');
    expect(second?.participants.slice().sort()).toEqual(['中国科学院', '湖北省人民政府']);
  });

  it('reads the projects of a signing just told, and those among them, as no signing of their own', () => {
    const signings = events(
      '3月18日，苏州工业园区与华为技术有限公司等32家企业集中签约。本次集中签约项目32个，总投资超200亿元。签约项目中，投资额10亿元以上的有6个。',
    ).filter((e) => e.type === 'project_signing');
    expect(signings).toHaveLength(1);
    expect(signings[0]?.participants).toContain('苏州工业园区');
  });

  it('gives a batch of projects the zone they settle in and the companies named after 其中', () => {
    const [signing] = events(
      '仪式上，8个新项目集中签约落户宜宾三江新区，总投资52亿元，其中四川锂源新材料有限公司正极材料项目投资20亿元。',
    ).filter((e) => e.type === 'project_signing');
    expect(signing?.participants).toEqual(['宜宾三江新区', '四川锂源新材料有限公司']);
    expect(signing?.place).toBe('宜宾三江新区');
  });

  it('gives a batch the parties of the sentence that begins 签约项目中', () => {
    const [signing] = events(
      '开幕式上，30个项目集中签约，总投资超150亿元。签约项目中，江苏海力风电设备科技股份有限公司投资12亿元建设海上风电装备产业园。',
    ).filter((e) => e.type === 'project_signing');
    expect(signing?.participants).toContain('江苏海力风电设备科技股份有限公司');
  });

  it('reads a city that signs projects itself as their party, and a city where they are signed as none', () => {
    const [own] = events('今年以来，绵阳市已签约落地电子信息类项目57个，总投资超过300亿元。').filter(
      (e) => e.type === 'project_signing',
    );
    expect(own?.participants).toEqual(['绵阳市']);
    const [held] = events('12个项目在绵阳市集中签约，总投资80亿元。').filter(
      (e) => e.type === 'project_signing',
    );
    expect(held?.participants ?? []).not.toContain('绵阳市');
  });

  it('reads a contract that transfers a technology as its transfer too, between the same parties', () => {
    const found = events(
      '7月21日，中国科学院兰州化学物理研究所与甘肃银光化学工业集团有限公司签订高性能润滑材料技术转让合同，合同金额900万元。',
    );
    const transfer = found.find((e) => e.type === 'transfer');
    expect(found.map((e) => e.type)).toEqual(['agreement', 'transfer']);
    expect(transfer).toMatchObject({
      participants: ['中国科学院兰州化学物理研究所', '甘肃银光化学工业集团有限公司'],
      objects: ['高性能润滑材料技术'],
    });
  });

  it('reads a technology put in as shares as its transfer to the company', () => {
    const [transfer] = events(
      '会上，中国科学院福建物质结构研究所将“非线性光学晶体生长技术”以1500万元作价入股福建福晶科技股份有限公司。',
    ).filter((e) => e.type === 'transfer');
    expect(transfer).toMatchObject({
      participants: ['中国科学院福建物质结构研究所', '福建福晶科技股份有限公司'],
      objects: ['非线性光学晶体生长技术'],
    });
  });

  it('gives a body set up with no other party named as the party of its own founding', () => {
    const [founding] = events(
      '会上，湖南长远锂科股份有限公司发布新品。据介绍，湖南长远锂科股份有限公司成立于2009年。',
    ).filter((e) => e.type === 'founding');
    expect(founding).toMatchObject({
      date: '2009',
      participants: ['湖南长远锂科股份有限公司'],
      objects: ['湖南长远锂科股份有限公司'],
    });
  });

  it('does not make a body the party of what it is charged with setting up', () => {
    const found = events('根据协议，由福田区提供场地，香港城市大学负责组建科研团队。');
    for (const e of found.filter((e) => e.type === 'founding'))
      expect(e.participants).not.toContain('香港城市大学');
  });

  it('reads 成立大会 as the name of a meeting, not a founding', () => {
    const found = events('成立大会上，兰州大学与甘肃省科学院签署共建联合实验室协议。');
    expect(found.map((e) => e.type)).not.toContain('founding');
  });

  it('gives the parties of the last event named to 三方 and 各方', () => {
    const all = events(
      '4月2日，云南大学、中国科学院昆明植物研究所与云南白药集团股份有限公司共建的天然药物联合实验室揭牌。随后，三方举办了天然药物创新研讨会。',
    );
    const gathering = all.find((e) => e.type === 'gathering');
    expect(gathering?.participants).toEqual(
      expect.arrayContaining(['云南大学', '中国科学院昆明植物研究所', '云南白药集团股份有限公司']),
    );
  });

  it('gives 三方 the parties of the last event with three, not of the last event', () => {
    const all = events(
      '该中心由昆明市人民政府、云南大学和云南白药集团股份有限公司共同组建。成立大会上，昆明理工大学与云南大学签署合作协议。据悉，三方于今年3月签署共建协议。',
    );
    const last = all.filter((e) => e.type === 'agreement').at(-1);
    expect(last?.participants).toEqual(['昆明市人民政府', '云南大学', '云南白药集团股份有限公司']);
  });

  it('gives 双方 in a later paragraph the parties of the article’s first agreement of two', () => {
    const all = events(
      '6月19日，贵州省人民政府与中国科学院在贵阳签署合作协议。当天，贵州大学与中国科学院地球化学研究所签订技术开发合同。\n据了解，自2019年8月双方签署上一轮合作协议以来，合作不断深化。',
    );
    const last = all.filter((e) => e.type === 'agreement').at(-1);
    expect(last?.participants).toEqual(['贵州省人民政府', '中国科学院']);
  });

  it('gives heads who sign 代表双方 the parties of the signing told before', () => {
    const all = events(
      '7月23日，绵阳市人民政府与中国科学院全面科技合作协议签约仪式在绵阳举行。中国科学院副院长骆鸿飞、绵阳市市长贺文涛代表双方签约。',
      '2025-07-24',
    );
    const signed = all.find((e) => e.type === 'agreement' && e.evidence.includes('代表双方'));
    expect(signed?.participants).toEqual(expect.arrayContaining(['绵阳市人民政府', '中国科学院']));
  });

  it('reads heads signing for both parties (代表双方签字) as the signing told before, not a second one', () => {
    const all = events(
      '7月23日，绵阳市人民政府与中国科学院签署全面科技合作协议。中国科学院副院长骆鸿飞、绵阳市市长贺文涛分别代表双方签字。',
      '2025-07-24',
    );
    const agreements = all.filter((e) => e.type === 'agreement');
    expect(agreements).toHaveLength(1);
    expect(agreements[0]?.objects).toEqual(['全面科技合作协议']);
  });

  it('keeps a signing of its own told without an object on a day of its own', () => {
    const all = events(
      '7月23日，绵阳市人民政府与中国科学院签署全面科技合作协议。8月5日，双方代表在北京签字。',
      '2025-08-06',
    );
    expect(all.filter((e) => e.type === 'agreement').map((e) => e.date)).toEqual([
      '2025-07-23',
      '2025-08-05',
    ]);
  });

  it('gives 院市双方 the academy and the city, not the parties of the contract told last', () => {
    const all = events(
      '12月4日，宜宾市人民政府与中国科学院签署全面合作协议。签约仪式上，中国科学院物理研究所与四川宜宾锂想新能源科技有限公司签订技术开发合同。这是院市双方签署的第二份全面合作协议。',
      '2025-12-05',
    );
    const second = all.find((e) => e.evidence.startsWith('这是院市双方'));
    expect(second?.participants).toEqual(['宜宾市人民政府', '中国科学院']);
    expect(second?.objects).toEqual(['第二份全面合作协议']);
  });

  it('reads a city that takes part as its government when the document names that government', () => {
    const all = events(
      '宜宾与中国科学院签署新一轮全面合作协议\n12月4日，宜宾市人民政府与中国科学院签署协议，宜宾市与中国科学院将共建研究院。',
      '2025-12-05',
    );
    const parties = all.flatMap((e) => e.participants);
    expect(parties).toContain('宜宾市人民政府');
    expect(parties).not.toContain('宜宾市');
  });

  it('takes the subject of a clause that opens with a body of its own', () => {
    const all = events(
      '入驻企业中，岳阳芙蓉催化材料有限公司最具代表性。这家由湖南理工学院团队创办的企业成立于2021年，去年12月，企业在园区建成的生产线正式投产。',
      '2025-10-24',
    );
    const founded = all.find((e) => e.type === 'founding' && e.date === '2021');
    expect(founded?.participants).toContain('岳阳芙蓉催化材料有限公司');
    const production = all.find((e) => e.type === 'operation');
    expect(production).toMatchObject({ date: '2024-12', participants: ['岳阳芙蓉催化材料有限公司'] });
  });

  it('keeps the parties of the sentence when a later clause opens with a body it qualifies', () => {
    const all = events(
      '8月11日，河北科技大学与石家庄润康生物制药有限公司（以下简称“润康生物”）签订技术转让合同，河北科技大学化学与制药工程学院教授杜明远团队研发的“手性药物中间体连续流合成技术”以三千二百万元转让给润康生物。',
      '2022-08-12',
    );
    const transfer = all.find((e) => e.type === 'transfer');
    expect(transfer?.participants[0]).toBe('河北科技大学');
  });

  it('gives 双方 in the same paragraph the parties of the agreement just told', () => {
    const all = events(
      '6月19日，贵州省人民政府与中国科学院在贵阳签署合作协议。当天，贵州大学与中国科学院地球化学研究所签订技术开发合同，双方还签署了人才培养协议。',
    );
    const last = all.filter((e) => e.type === 'agreement').at(-1);
    expect(last?.participants).toEqual(['贵州大学', '中国科学院地球化学研究所']);
  });

  it('reads the body before 由 as what was founded, by the bodies after it', () => {
    const all = events(
      '11月2日，兰州绿色化工研究院成立大会在兰州新区举行。该研究院由兰州市人民政府、兰州大学和甘肃金川集团股份有限公司三方共同组建。',
    );
    const founding = all.find((e) => e.type === 'founding' && e.evidence.startsWith('该研究院'));
    expect(founding?.objects).toEqual(['兰州绿色化工研究院']);
    expect(founding?.participants).toEqual(['兰州市人民政府', '兰州大学', '甘肃金川集团股份有限公司']);
  });

  it('takes the parties of a clause after a semicolon from that clause', () => {
    const all = events(
      '会上，兰州大学与甘肃金川集团股份有限公司签订技术开发合同；兰州新区管理委员会与中国科学院兰州化学物理研究所签署共建中试基地合作协议。',
    );
    expect(all.filter((e) => e.type === 'agreement').map((e) => e.participants)).toEqual([
      ['兰州大学', '甘肃金川集团股份有限公司'],
      ['兰州新区管理委员会', '中国科学院兰州化学物理研究所'],
    ]);
  });

  it('keeps a body joined by 与 before 共建的 among the founders, not as what was founded', () => {
    const [founding] = events('云南大学与云南白药集团股份有限公司共建的天然药物研究中心揭牌。');
    expect(founding?.participants).toEqual(['云南大学', '云南白药集团股份有限公司']);
    expect(founding?.objects).toEqual(['天然药物研究中心']);
  });

  it('reads a founding told again (为联盟揭牌, 成立大会上) as the one founding', () => {
    const foundings = events(
      '12月28日，长三角机器人产业技术创新联盟在南京成立。副省长出席大会并为联盟揭牌。成立大会上，成员单位签订了5项合作协议。',
      '2021-12-29',
    ).filter((e) => e.type === 'founding');
    expect(foundings).toHaveLength(1);
    expect(foundings[0]).toMatchObject({ date: '2021-12-28', objects: ['长三角机器人产业技术创新联盟'] });
  });

  it('keeps a second founding of the same body on another date', () => {
    const foundings = events(
      '2019年3月，长三角机器人产业技术创新联盟在南京成立。2021年5月，长三角机器人产业技术创新联盟在上海成立。',
    ).filter((e) => e.type === 'founding');
    expect(foundings).toHaveLength(2);
  });

  it('gives a signing of many projects that names no party the parties of the sentence detailing it', () => {
    const [signing] = events(
      '开幕式上，36个新能源产业项目集中签约，签约总金额逾200亿元。其中，合肥工业大学与安徽江淮汽车集团股份有限公司签约共建新能源汽车研究院。',
    ).filter((e) => e.type === 'project_signing');
    expect(signing?.participants).toEqual(['合肥工业大学', '安徽江淮汽车集团股份有限公司']);
  });

  it('leaves a signing without parties when the next sentence does not detail it', () => {
    const [signing] = events(
      '开幕式上，36个新能源产业项目集中签约。合肥工业大学与安徽江淮汽车集团股份有限公司签署战略合作协议。',
    ).filter((e) => e.type === 'project_signing');
    expect(signing?.participants).toEqual([]);
  });

  it('keeps repeated predicates of a clause as one event when no date sets them apart', () => {
    const agreements = events('湖北省人民政府与中国科学院签署并签订战略合作协议。').filter(
      (e) => e.type === 'agreement',
    );
    expect(agreements).toHaveLength(1);
  });

  it('reads a batch of projects signed with their count', () => {
    const [event] = events('3月18日，苏州工业园区与华为技术有限公司等32家企业集中签约，总投资超200亿元。');
    expect(event).toMatchObject({ type: 'project_signing', date: '2021-03-18' });
    expect(event?.objects).toContain('32家企业');
    expect(event?.participants).toContain('华为技术有限公司');
  });

  it('reads what was founded after the predicate', () => {
    const [event] = events(
      '2019年4月，中国科学院科技产业化网络联盟与合川区人民政府共同出资成立喀斯玛汇智（重庆）科技有限公司。',
    );
    expect(event).toMatchObject({
      type: 'founding',
      date: '2019-04',
      participants: ['中国科学院科技产业化网络联盟', '合川区人民政府'],
      objects: ['喀斯玛汇智（重庆）科技有限公司'],
    });
  });

  it('reads what was founded before the predicate', () => {
    const [event] = events('2020年9月25日，由中国科学院重庆绿色智能技术研究院发起的竹溪智谷科企联盟成立。');
    expect(event).toMatchObject({ type: 'founding', date: '2020-09-25', objects: ['竹溪智谷科企联盟'] });
    expect(event?.participants).toEqual(['中国科学院重庆绿色智能技术研究院']);
  });

  it('names the conference that was held', () => {
    const [event] = events('5月8日，由四川省科学技术厅主办的成渝科技创新合作论坛在成都举行。');
    expect(event).toMatchObject({
      type: 'gathering',
      date: '2021-05-08',
      participants: ['四川省科学技术厅'],
    });
    expect(event?.objects).toEqual(['成渝科技创新合作论坛']);
  });

  it('reads an export with its destination', () => {
    const [event] = events('该所与塞领科技有限公司合作研制的金属3D打印系统，2019年首次出口德国市场。');
    expect(event).toMatchObject({
      type: 'transfer',
      date: '2019',
      participants: ['塞领科技有限公司'],
      place: '德国',
    });
  });

  it('reads a test as a milestone with its date', () => {
    const [event] = events('中国科学院空间工程中心于2019年10月进行首次失重飞行试验。');
    expect(event).toMatchObject({
      type: 'milestone',
      date: '2019-10',
      participants: ['中国科学院空间工程中心'],
    });
  });

  it('keeps the time before a predicate out of its object (去年9月开工)', () => {
    const [event] = events('赣州高新区新能源材料产业园去年9月开工。', '2023-06-30');
    expect(event).toMatchObject({
      type: 'operation',
      date: '2022-09',
      participants: ['赣州高新区新能源材料产业园'],
      objects: [],
    });
  });

  it('gives a predicate of the same type dated after a comma its own event (去年9月开工，今年5月投产)', () => {
    const found = events('赣州高新区新能源材料产业园去年9月开工，今年5月投产。', '2023-06-30');
    expect(found.map((e) => [e.type, e.trigger, e.date])).toEqual([
      ['operation', '开工', '2022-09'],
      ['operation', '投产', '2023-05'],
    ]);
    expect(found[1]?.participants).toEqual(['赣州高新区新能源材料产业园']);
  });

  it('tells the production start of 建成投产, with its completion', () => {
    const found = events(
      '江西纺联智能装备有限公司纺纱机器人项目，5月建成投产，可年产纺纱机器人1500台。',
      '2025-07-10',
    );
    expect(found.map((e) => [e.type, e.date])).toEqual([
      ['founding', '2025-05'],
      ['operation', '2025-05'],
    ]);
    expect(found[1]?.participants).toEqual(['江西纺联智能装备有限公司']);
  });

  it('gives a review passed the body that passed it, those that built it and the body that held it', () => {
    const [, review] = events(
      '去年9月，中国科学院成都分院与宜宾学院共建的宜宾智能终端检测中心通过四川省科学技术厅组织的验收。',
      '2025-12-05',
    );
    expect(review).toMatchObject({
      type: 'milestone',
      date: '2024-09',
      participants: ['宜宾智能终端检测中心', '中国科学院成都分院', '宜宾学院', '四川省科学技术厅'],
    });
    const [held] = events('该技术去年10月通过中国纺织工业联合会组织的科技成果评价。', '2025-06-20');
    expect(held).toMatchObject({ type: 'milestone', participants: ['中国纺织工业联合会'] });
  });

  it('reads 运行 before 考核 as the name of a test, not a start of operation', () => {
    const found = events('该系统在企业试验线上完成十万公里运行考核，由株洲天易轨道电驱科技有限公司研制。');
    expect(found.filter((e) => e.type === 'operation')).toEqual([]);
  });

  it('gives each clause of a list its own event', () => {
    const found = events(
      '二是与中国科学院空间工程中心研制出样机，2016年在法国进行了失重飞行试验；三是研制出实验样机，于2019年10月在我国进行首次失重飞行试验。',
    );
    expect(found.map((e) => [e.type, e.date])).toEqual([
      ['milestone', '2016'],
      ['milestone', '2019-10'],
    ]);
  });

  it('takes the incubated companies as the parties of an incubation', () => {
    const [event] = events('孵化重庆墨希科技有限公司、重庆中科云丛科技有限公司等10余家科技型企业。');
    expect(event?.type).toBe('incubation');
    expect(event?.participants).toEqual(['重庆墨希科技有限公司', '重庆中科云丛科技有限公司']);
  });

  it('marks what is only announced as planned', () => {
    const [event] = events('中关村大数据产业联盟也将在科学城设立中关村大数据产业联盟重庆分会。');
    expect(event).toMatchObject({ type: 'founding', planned: true });
  });

  it('gives one event per predicate even when a clause repeats it', () => {
    const found = events(
      '12月15日，由西部（重庆）科学城、特斯联科技集团联合举办的重庆城市智能科技研讨会在科学城举行。',
      '2020-12-16',
    );
    expect(found.filter((e) => e.type === 'gathering')).toHaveLength(1);
  });

  it('reads the parties of 双方 from the agreement before', () => {
    const found = events(
      '2018年4月，中国科学院与广东省人民政府签署合作协议。双方共建中国科学院广州科学中心。',
    );
    const founding = found.find((e) => e.type === 'founding');
    expect(founding?.participants).toEqual(['中国科学院', '广东省人民政府']);
  });

  it('does not read a predicate used as a noun as an event', () => {
    expect(events('推动成果转化工作，开展科技产品转化工作。')).toEqual([]);
    expect(events('此次协议的签署是合作进入新阶段的标志。')).toEqual([]);
    expect(events('江城孵化器运营面积4.6万平方米，运营成本由园区承担。')).toEqual([]);
  });

  it('does not make an event without a named party or object', () => {
    expect(events('（一）共建省部级创新平台')).toEqual([]);
  });

  it('dates the events of a news article by its lead sentence', () => {
    const text =
      '本报讯（记者 周敏）\n3月18日，江苏省人民政府与中国科学院在南京签署合作协议。\n根据协议，双方将共建中国科学院南京科学中心。';
    const founding = events(text).find((e) => e.type === 'founding');
    expect(founding?.date).toBe('2021-03-18');
  });

  it('points the span of an event at its sentence in the original text', () => {
    const text =
      '12月15日，重庆市人民政府与中\n国科学院在北京签署战略合作协\n议，双方将在科学城共建科学中\n心，推动大数据等领域合作。\n';
    const [event] = events(text, '2020-12-16');
    expect(event && text.slice(event.span.start, event.span.end).replace(/\n/g, '')).toContain(
      '签署战略合作协议',
    );
  });

  it('does not read a predicate inside a name as an event', () => {
    const found = events('2023年2月15日，研究院与西咸新区秦创原总窗口运营公司签署合作协议。');
    expect(found.map((e) => e.type)).toEqual(['agreement']);
  });

  it('takes what an agreement sets up as agreed, not yet founded', () => {
    const found = events('6月8日，东湖高新区管委会与武汉大学签署了共建光谷集成电路人才培养基地的合作协议。');
    expect(found.map((e) => e.type)).toEqual(['agreement']);
  });

  it('drops the headline event when the article tells it with its date', () => {
    const page = [
      '苏州大学与吴江区共建未来产业研究院',
      '本报讯（记者 王明）3月2日，苏州大学与吴江区人民政府签约，共建苏州大学未来产业研究院。',
    ].join('\n');
    const founding = events(page).filter((e) => e.type === 'founding');
    expect(founding).toHaveLength(1);
    expect(founding[0]?.date).toBe('2021-03-02');
  });

  it('reads a predicate before a kind of body as part of its name', () => {
    const found = events('2019年，研究院联合企业建成药物技术转化研究中心和成果孵化基地。');
    expect(found.map((e) => e.type)).not.toContain('transfer');
    expect(found.map((e) => e.type)).not.toContain('incubation');
  });

  it('does not date an event by a time that is part of an occasion name', () => {
    const [event] = events(
      '8月30日，江北新区2022年第三季度重大项目集中签约仪式在研创园举行，27个项目集中签约。',
      '2022-08-31',
    ).filter((e) => e.type === 'project_signing');
    expect(event?.date).toBe('2022-08-30');
  });

  it('reads the hosts of a fair as the parties of the gathering', () => {
    const found = events(
      '11月25日，交易会由湖南省人民政府、中国科学技术协会共同主办，线上线下参展单位超过600家。',
    );
    expect(found.map((e) => e.type)).toEqual(['gathering']);
    expect(found[0]?.participants).toEqual(['湖南省人民政府', '中国科学技术协会']);
  });

  it('names both the incubator and the companies it incubated', () => {
    const [event] = events(
      '2021年，青岛海洋科技成果孵化中心已孵化科技型企业16家，其中青岛蓝鲲海洋装备科技有限公司获得融资。',
    );
    expect(event?.type).toBe('incubation');
    expect(event?.participants).toEqual(['青岛海洋科技成果孵化中心', '青岛蓝鲲海洋装备科技有限公司']);
  });

  it('does not count a signing again when the text refers back to it', () => {
    const found = events('3月2日，32家企业集中签约落户园区。此次签约落户的32个项目均属电子信息产业。');
    expect(found.filter((e) => e.type === 'project_signing')).toHaveLength(1);
  });

  it('incubates companies, not scenarios', () => {
    expect(events('2021年，标准化研究院将围绕产业政策孵化应用场景。')).toEqual([]);
  });
});
