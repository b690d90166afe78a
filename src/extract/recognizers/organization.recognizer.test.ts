import { describe, expect, it } from 'vitest';
import { lexicon } from '../lexicon/lexicon.js';
import { tokenize } from '../segmentation/segmenter.js';
import { recognizeOrganizations } from './organization.recognizer.js';

function names(text: string): string[] {
  return recognizeOrganizations(text, tokenize(text), lexicon())
    .filter((m) => !m.bare)
    .map((m) => m.text);
}

describe('recognizeOrganizations', () => {
  it('finds a company by its legal-form suffix', () => {
    expect(names('本次与成都天府芯谷科技有限公司达成合作。')).toContain('成都天府芯谷科技有限公司');
  });

  it('ends a name at 与 before a whole name the dictionary lists (彭城液压与中国矿业大学)', () => {
    expect(names('江苏彭城液压科技股份有限公司与中国矿业大学签订合同')).toEqual([
      '江苏彭城液压科技股份有限公司',
      '中国矿业大学',
    ]);
    expect(names('企业与山东理工大学联合招收博士后')).toEqual(['山东理工大学']);
    expect(names('中国科学院宁波材料技术与工程研究所')).toEqual(['中国科学院宁波材料技术与工程研究所']);
  });

  it('reads a numeral before a bare suffix as a count, not part of a name (盐湖区一孵化器)', () => {
    expect(names('盐湖区一孵化器累计孵化企业逾百家')).toEqual([]);
  });

  it('ends a name at 累计, 承担 and 引进外资 on its left', () => {
    expect(names('截至目前，嘉兴累计引进外资研发中心四十六家')).toEqual([]);
    expect(names('平湖基地将承担集团亚洲市场的产品研发')).not.toContain('承担集团');
  });

  it('ends a name at 学校 and at 入股 on its left', () => {
    expect(names('实验室依托学校汽车动力传动与电子控制湖北省重点实验室建设')).toEqual([
      '汽车动力传动与电子控制湖北省重点实验室',
    ]);
    expect(names('南华大学以专利作价入股湖南雁城核医科技有限公司')).toContain('湖南雁城核医科技有限公司');
  });

  it('ends a name at the ordinals of a list of points (一是, 二是 …) on its left', () => {
    expect(names('二是平台建设稳步推进，科技创新中心主体完工')).not.toContain('二是平台');
  });

  it('finds an innovation consortium (创新联合体) by its suffix', () => {
    expect(names('徐州智能矿山装备产学研创新联合体宣告成立')).toEqual(['徐州智能矿山装备产学研创新联合体']);
  });

  it("finds a province's departments written as one word, and no body in a hall", () => {
    expect(names('湖北省教育厅与武汉大学签署协议')).toEqual(['湖北省教育厅', '武汉大学']);
    expect(names('陕西省财政厅、陕西省水利厅联合发文')).toEqual(['陕西省财政厅', '陕西省水利厅']);
    expect(names('仪式在学校会议厅举行，报告厅内座无虚席')).toEqual([]);
  });

  it('starts a name after 选举 and 全力支持', () => {
    expect(names('大会选举哈尔滨工业大学机器人研究所为理事长单位')).toEqual(['哈尔滨工业大学机器人研究所']);
    expect(names('省政府将全力支持贵州研究院建设')).toContain('贵州研究院');
  });

  it('starts a name after a period, a verb of office or of filing, and a sum of money', () => {
    expect(names('“十四五”期间湘潭大学累计转化科技成果137项')).toEqual(['湘潭大学']);
    expect(names('会议明确研究院由三方共建')).toEqual([]);
    expect(names('他兼任研究院院长')).toEqual([]);
    expect(names('湘潭大学申报省级重点实验室')).toEqual(['湘潭大学']);
    expect(names('孵化器设有2000万元天使基金')).not.toContain('万元天使基金');
  });

  it('starts a name after the 年 of a year', () => {
    expect(names('据介绍，2022年重庆高新区共引进项目176个')).toEqual(['重庆高新区']);
    expect(names('2023年湖州市科技局组织专家论证')).toEqual(['湖州市科技局']);
    expect(names('市科技局与青年企业家协会签约')).toContain('青年企业家协会');
  });

  it('starts a name after 这是 and 也是', () => {
    expect(names('这是赣江研究院成立以来最大的一笔转让')).toEqual(['赣江研究院']);
    expect(names('赣州市也是赣南师范大学的合作伙伴')).toEqual(['赣南师范大学']);
  });

  it('keeps a character the dictionary reads as a measure word inside a company name', () => {
    expect(names('与贵州黔大国盾材料股份有限公司签约')).toEqual(['贵州黔大国盾材料股份有限公司']);
  });

  it('does not join a measure word after a numeral or a demonstrative to a name', () => {
    expect(names('引进两家科技有限公司')).toEqual([]);
    expect(names('这批科技有限公司')).toEqual([]);
  });

  it('names a company by its place and a field before its legal form', () => {
    expect(names('柳州海工装备有限公司落户柳东新区')).toContain('柳州海工装备有限公司');
  });

  it('reads 国际 as part of a name after its place, and as a boundary elsewhere', () => {
    expect(names('昆明国际会展中心举行签约仪式')).toEqual(['昆明国际会展中心']);
    expect(names('长沙国际智能制造研究院成立')).toEqual(['长沙国际智能制造研究院']);
    expect(names('在国际会展中心举行')).not.toContain('国际会展中心');
  });

  it('reads a university named after its city apart from the one of the same name without it', () => {
    expect(names('桂林电子科技大学与南宁高新区共建研究院')).toContain('桂林电子科技大学');
    expect(names('电子科技大学与成都市签约')).toContain('电子科技大学');
  });

  it('starts a name after a verb of giving (转让予) and an adverb of time (届时)', () => {
    expect(names('已将该技术转让予昆明滇池新材料科技有限公司')).toEqual(['昆明滇池新材料科技有限公司']);
    expect(names('届时产业园将新增产值十亿元')).not.toContain('届时产业园');
  });

  it('reads stations (观测站, 工作站) as bodies and 车站 as none', () => {
    expect(names('哈尔滨松嫩平原湿地联合观测站正式运行')).toEqual(['哈尔滨松嫩平原湿地联合观测站']);
    expect(names('东北林业大学博士后科研工作站揭牌')).toEqual(['东北林业大学博士后科研工作站']);
    expect(names('他在车站工作')).toEqual([]);
  });

  it('reads a 管理局 as the end of the body it administers', () => {
    expect(names('三亚崖州湾科技城管理局与海南大学签署合作协议')).toEqual([
      '三亚崖州湾科技城管理局',
      '海南大学',
    ]);
  });

  it('stops a name at the verb that governs it', () => {
    expect(names('双方共建博元医疗器械研究所。')).toEqual(['博元医疗器械研究所']);
  });

  it('keeps two parties joined by 与 apart', () => {
    expect(names('中国科学院与武汉市人民政府签署协议')).toEqual(['中国科学院', '武汉市人民政府']);
  });

  it('keeps 与 inside a lab named after two fields', () => {
    expect(names('共建成大数据与智能计算重庆市重点实验室、')).toEqual(['大数据与智能计算重庆市重点实验室']);
  });

  it('keeps 与 between two activities inside a name', () => {
    expect(names('浙江大学与湖州市共建智能感知与控制联合实验室。')).toEqual([
      '浙江大学',
      '智能感知与控制联合实验室',
    ]);
    expect(names('江苏南通海工装备检测与认证中心揭牌。')).toEqual(['江苏南通海工装备检测与认证中心']);
  });

  it('begins a name at the word its introduced short form begins with', () => {
    const introduced = '会上，江西赣州华岳瑞金电工科技有限公司（以下简称“华岳电工”）与南昌大学签约。';
    expect(names(introduced)).toContain('江西赣州华岳瑞金电工科技有限公司');
    // Without the short form, a word the dictionary does not know ends the name.
    expect(names('会上，江西赣州华岳瑞金电工科技有限公司与南昌大学签约。')).toContain('瑞金电工科技有限公司');
  });

  it('names the body a branch belongs to, across the place between them', () => {
    expect(names('华为技术有限公司南京分公司与东南大学签约。')).toEqual([
      '华为技术有限公司南京分公司',
      '华为技术有限公司',
      '东南大学',
    ]);
    expect(names('中国科学院上海硅酸盐研究所苏州分中心揭牌。')).toContain('中国科学院上海硅酸盐研究所');
  });

  it('names no parent of a branch whose only word before it is a suffix', () => {
    expect(names('研究所分中心在苏州揭牌。')).toEqual(['研究所分中心']);
  });

  it('keeps nested names whole', () => {
    expect(names('推动中国科学院大学重庆学院发展')).toEqual(['中国科学院大学重庆学院']);
  });

  it('keeps a bracketed place inside a company name', () => {
    expect(names('共同出资成立喀斯玛汇智（重庆）科技有限公司，开展')).toEqual([
      '喀斯玛汇智（重庆）科技有限公司',
    ]);
  });

  it('keeps a hyphenated joint laboratory whole', () => {
    expect(names('其中，特斯联-奇安信城市智能安全联合实验室将开展研究')).toEqual([
      '特斯联-奇安信城市智能安全联合实验室',
    ]);
  });

  it('keeps an institute joined to its partner by a dash', () => {
    const text = '建设中国科学院苏州纳米技术与纳米仿生研究所—华为智能传感联合实验室。';
    expect(names(text)).toEqual(['中国科学院苏州纳米技术与纳米仿生研究所—华为智能传感联合实验室']);
  });

  it('keeps a short partner name before a dash and never begins a name with the dash', () => {
    expect(names('三方将共建「城大—福田先进生物材料与医疗器械联合研究中心」。')).toEqual([
      '城大—福田先进生物材料与医疗器械联合研究中心',
    ]);
  });

  it('keeps two fields joined by 与 inside one name', () => {
    expect(names('筹建中国科学院基础医学与肿瘤研究所。')).toEqual(['中国科学院基础医学与肿瘤研究所']);
  });

  it('takes a place, a field and a word of purpose for a name', () => {
    expect(names('中关村大数据产业联盟也将设立分会。')).toEqual(['中关村大数据产业联盟']);
  });

  it('keeps the spaces of a Latin name and stops at the change of script', () => {
    expect(names('与印尼PT Energi Hijau Nusantara公司签署合作协议')).toEqual([
      'PT Energi Hijau Nusantara公司',
    ]);
  });

  it('does not take a rank or a category before a kind of body for a name', () => {
    expect(names('园区获批国家级科技企业孵化器')).toEqual([]);
    expect(names('成为化工类孵化器')).toEqual([]);
    expect(names('国家级新区两江新区管委会出席')).toEqual(['两江新区管委会']);
    expect(names('国家超级计算中心落户')).toEqual(['国家超级计算中心']);
  });

  it('does not join a party to a bare suffix by 与', () => {
    expect(names('光伏企业与研究院共同攻关')).toEqual([]);
    expect(names('检测与认证中心揭牌')).toEqual(['检测与认证中心']);
  });

  it('does not take a kind of body for a body', () => {
    expect(names('包括研发基地项目13个、联合实验室项目4个、数据中心项目10个')).toEqual([]);
    expect(names('与三峰环境集团建设联合实验室等新型研发机构')).toEqual(['三峰环境集团']);
  });

  it('does not take a single field before a suffix for a name', () => {
    expect(names('形成重要的数字经济产业基地。')).toEqual([]);
    expect(names('共建5个省部级创新平台。')).toEqual([]);
  });

  it('takes two fields before a suffix for a name', () => {
    expect(names('共建医药大数据研究中心。')).toEqual(['医药大数据研究中心']);
  });

  it('names a government by its place', () => {
    expect(names('湖北省人民政府与中国科学院')).toEqual(['湖北省人民政府', '中国科学院']);
  });

  it('does not join two bodies written side by side in a title', () => {
    expect(names('签署了《重庆市人民政府中国科学院全面科技合作协议》')).toEqual([
      '重庆市人民政府',
      '中国科学院',
    ]);
  });

  it('splits a base with a name of its own from the zone it lies in', () => {
    expect(names('落户科学城光大人工智能产业基地，总投资')).toEqual(['光大人工智能产业基地']);
    expect(names('位于重庆高新区金凤电子信息产业园，将构建')).toEqual(['重庆高新区', '金凤电子信息产业园']);
  });

  it('keeps a park named after its zone and field whole', () => {
    expect(names('共建重庆高新区石墨烯产业园、两江新区机器人产业园等。')).toEqual([
      '重庆高新区石墨烯产业园',
      '两江新区机器人产业园',
    ]);
  });

  it('does not read 格局 or 全部 as bureaus or ministries', () => {
    expect(names('形成全新格局，全部完成。')).toEqual([]);
    expect(names('构建新发展格局，形成大格局。')).toEqual([]);
  });

  it('reads a department after its level alone (省科技厅) and one the dictionary tags as a body', () => {
    expect(names('通过省科技厅组织的验收')).toEqual(['省科技厅']);
    expect(names('洽谈会由江苏省商务厅、南通市人民政府主办')).toEqual(['江苏省商务厅', '南通市人民政府']);
    expect(names('通过省科学技术厅组织的验收')).toEqual(['省科学技术厅']);
    expect(names('时任重庆市委书记出席')).toEqual([]);
    expect(names('在会议厅举行')).toEqual([]);
  });

  it('reads a bureau the dictionary writes as one word (旅游局, 统计局)', () => {
    expect(names('成都市文化广电旅游局共同主办')).toEqual(['成都市文化广电旅游局']);
    expect(names('由绵阳市统计局发布')).toEqual(['绵阳市统计局']);
  });

  it('keeps 和 inside the standard names of government departments', () => {
    expect(names('重庆市住房和城乡建设委员会出席')).toEqual(['重庆市住房和城乡建设委员会']);
    expect(names('湖州市经济和信息化局与浙江大学签署协议')).toEqual(['湖州市经济和信息化局', '浙江大学']);
    expect(names('南阳市发展和改革委员会牵头')).toEqual(['南阳市发展和改革委员会']);
  });

  it('keeps a material and its kinds (钛及钛合金) inside a park name', () => {
    expect(names('宝鸡钛及钛合金产业园管委会与西北工业大学签约')).toEqual([
      '宝鸡钛及钛合金产业园管委会',
      '西北工业大学',
    ]);
  });

  it('names the management committee of a park after the park', () => {
    expect(names('九江经开区新材料产业园管委会与南昌大学签约')).toContain('九江经开区新材料产业园管委会');
  });

  it('does not take a count of bodies (第二家, 一间) or a verb before a kind of body for a name', () => {
    expect(names('是岳阳市第二家国家级孵化器')).not.toContain('岳阳市第二家国家级孵化器');
    expect(names('从“一间办公室”起步')).toEqual([]);
    expect(names('企业每年投入实验室的经费')).toEqual([]);
    expect(names('记者近日走进岳阳经济技术开发区')).toEqual(['岳阳经济技术开发区']);
    expect(names('株洲再添轨道交通领域联合实验室')).not.toContain('株洲再添轨道交通领域联合实验室');
  });

  it('leaves the role of a party before its name out of the name (买受方为, 运营方)', () => {
    expect(names('买受方为浙江柯桥蓝澜印染有限公司')).toEqual(['浙江柯桥蓝澜印染有限公司']);
    expect(names('湖南理工学院与孵化器运营方岳阳洞庭科创发展有限公司签署协议')).toEqual([
      '湖南理工学院',
      '岳阳洞庭科创发展有限公司',
    ]);
  });

  it('reads federations and pilot zones by their suffix (联合会, 试验区), and a zone committee whole', () => {
    expect(names('通过中国纺织工业联合会组织的科技成果评价')).toEqual(['中国纺织工业联合会']);
    expect(names('签约落户上饶高铁经济试验区的企业')).toEqual(['上饶高铁经济试验区']);
    expect(names('青海柴达木循环经济试验区管理委员会主办')).toEqual(['青海柴达木循环经济试验区管理委员会']);
  });

  it('keeps the city of a campus in brackets inside the university name', () => {
    expect(names('山东大学（威海）与威海市人民政府共建研究院')).toEqual([
      '山东大学（威海）',
      '威海市人民政府',
    ]);
    expect(names('哈尔滨工业大学(深圳)牵头')).toEqual(['哈尔滨工业大学(深圳)']);
    expect(names('与中国地质大学（武汉）签约')).toEqual(['中国地质大学（武汉）']);
    // A short form in brackets is no campus.
    expect(names('中国科学院大学（国科大）')).toEqual(['中国科学院大学', '国科大']);
  });

  it('reads a school named after its founder (国立, 私立) whole, though its name is also a word', () => {
    expect(names('华侨大学与国立成功大学签署协议')).toEqual(['华侨大学', '国立成功大学']);
    expect(names('私立辅仁大学代表出席')).toEqual(['私立辅仁大学']);
    expect(names('项目成功大学生创业')).toEqual([]);
  });

  it('reads a trade association by its suffix (同业公会)', () => {
    expect(names('与台湾区电机电子工业同业公会共同主办')).toEqual(['台湾区电机电子工业同业公会']);
  });

  it('reads Japanese and Korean companies (株式会社) and venture funds (创投) by their suffix', () => {
    expect(names('引进日本东邦精机株式会社的技术')).toEqual(['日本东邦精机株式会社']);
    expect(names('韩国大元精密株式会社与德国施泰纳创投参与')).toEqual([
      '韩国大元精密株式会社',
      '德国施泰纳创投',
    ]);
  });

  it('ends a name at a verb of having (建有, 设有, 拥有): not part of the name after it', () => {
    expect(names('公司在平遥县建有良种繁育基地')).toEqual(['良种繁育基地']);
    expect(names('企业拥有江苏省海上风电工程技术研究中心')).toEqual(['江苏省海上风电工程技术研究中心']);
    expect(names('市里建有华中科技大学黄石研究院')).toEqual(['华中科技大学黄石研究院']);
  });

  it('leaves a member of a body out of the name of the member (联合体成员)', () => {
    expect(names('联合体成员四川米易钛业有限公司出资')).toEqual(['四川米易钛业有限公司']);
  });

  it('keeps a brand of one character and 和 after its place inside the name (香港嘉和)', () => {
    expect(names('与香港嘉和生物医药集团有限公司签约')).toEqual(['香港嘉和生物医药集团有限公司']);
    expect(names('重庆大学和重庆市人民政府')).toEqual(['重庆大学', '重庆市人民政府']);
  });

  it('reads a department of an autonomous region after 自治区 alone', () => {
    expect(names('会上，自治区科学技术厅与玉林市人民政府签署协议')).toEqual([
      '自治区科学技术厅',
      '玉林市人民政府',
    ]);
  });

  it('finds short forms from the alias table', () => {
    expect(names('中科院与国科大联合培养')).toEqual(['中科院', '国科大']);
  });

  it('marks a bare suffix as needing a full name', () => {
    const mentions = recognizeOrganizations('在科学城举行', tokenize('在科学城举行'), lexicon());
    expect(mentions).toEqual([expect.objectContaining({ text: '科学城', bare: true })]);
  });

  it('reports spans that point into the text', () => {
    const text = '9月，西安交通大学与陕西省科学技术厅签约。';
    for (const m of recognizeOrganizations(text, tokenize(text), lexicon())) {
      expect(text.slice(m.span.start, m.span.end)).toBe(m.text);
    }
    expect(names(text)).toEqual(['西安交通大学', '陕西省科学技术厅']);
  });
});
