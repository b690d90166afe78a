import { describe, expect, it } from 'vitest';
import type { Entity } from '../../core/types.js';
import { lexicon } from '../lexicon/lexicon.js';
import { recognizeOrganizations } from '../recognizers/organization.recognizer.js';
import { recognizePersons } from '../recognizers/person.recognizer.js';
import { recognizePlaces } from '../recognizers/place.recognizer.js';
import { tokenize } from '../segmentation/segmenter.js';
import { resolveEntities } from './resolve-entities.js';

function resolve(text: string): Entity[] {
  const lex = lexicon();
  const tokens = tokenize(text);
  return resolveEntities(
    text,
    recognizeOrganizations(text, tokens, lex),
    recognizePersons(text, tokens, lex),
    recognizePlaces(tokens),
    lex,
  );
}

function organization(entities: Entity[], name: string): Entity | undefined {
  return entities.find((e) => e.type === 'organization' && e.name === name);
}

describe('resolveEntities', () => {
  it("keeps an area's departments apart from its government, though they share its name", () => {
    const entities = resolve('四川省教育厅与电子科技大学签署协议，四川省人民政府有关负责人出席。');
    expect(organization(entities, '四川省教育厅')?.aliases).toEqual([]);
    expect(organization(entities, '四川省人民政府')).toBeDefined();
  });

  it('reads no place inside the short form a document gives a company', () => {
    const entities = resolve(
      '乌鲁木齐市天山区与新疆天山光能科技股份有限公司（以下简称“天山光能”）签约。天山光能将投资建设新工厂。',
    );
    const places = entities.filter((e) => e.type === 'place');
    expect(places.find((e) => e.name === '天山区')?.mentions).toHaveLength(1);
    expect(organization(entities, '新疆天山光能科技股份有限公司')?.aliases).toContain('天山光能');
  });

  it('gives the canonical name of a short form in the alias table', () => {
    const entities = resolve('中科院与重庆市签署协议。中国科学院将加强布局。');
    expect(organization(entities, '中国科学院')?.aliases).toEqual(['中科院']);
    expect(entities.filter((e) => e.type === 'organization')).toHaveLength(1);
  });

  it('expands a short form that begins a longer name', () => {
    const entities = resolve('国科大重庆学院发起成立联盟。');
    expect(organization(entities, '中国科学院大学重庆学院')?.aliases).toContain('国科大重庆学院');
  });

  it('keys a government name by its abbreviations written in full, and shows it as written', () => {
    const entities = resolve('中国科学院与重庆市卫计委签署协议。');
    const commission = organization(entities, '重庆市卫计委');
    expect(commission?.id).toBe('organization:重庆市卫生和计划生育委员会');
    expect(commission?.aliases).toContain('重庆市卫生和计划生育委员会');
  });

  it('expands every abbreviation inside a name, not only the one it ends with', () => {
    const entities = resolve('包头稀土高新区管委会与中国科学院签约。');
    const committee = entities.find((e) => e.id === 'organization:包头稀土高新技术产业开发区管理委员会');
    expect(committee?.name).toBe('包头稀土高新区管委会');
  });

  it('makes a zone written short and in full one entity, shown in full', () => {
    const entities = resolve('重庆高新区与企业签约。重庆高新技术产业开发区将提供服务。');
    const zones = entities.filter((e) => e.id === 'organization:重庆高新技术产业开发区');
    expect(zones).toHaveLength(1);
    expect(zones[0]?.name).toBe('重庆高新技术产业开发区');
    expect(zones[0]?.aliases).toContain('重庆高新区');
  });

  it("joins an introduced short form to its body under the short form's full words too", () => {
    const entities = resolve(
      '宜昌高新技术产业开发区管理委员会（以下简称“管委会”）与企业签约。管委会将提供服务。',
    );
    const committees = entities.filter((e) => e.type === 'organization' && e.name.includes('管'));
    expect(committees).toHaveLength(1);
    expect(committees[0]?.aliases).toContain('管委会');
  });

  it('reads 该平台 as the platform named last before it when the document names several', () => {
    const entities = resolve(
      '河北省新能源电力装备试验检测平台通过验收。廊坊临空算力调度平台上线。该平台已接入算力1万P。',
    );
    const airport = organization(entities, '廊坊临空算力调度平台');
    expect(airport?.aliases).toContain('平台');
    expect(organization(entities, '河北省新能源电力装备试验检测平台')?.aliases).not.toContain('平台');
  });

  it('reads 这家…的企业 and a later clause’s 企业 as mentions of the company named before', () => {
    const text =
      '入驻企业中，岳阳芙蓉催化材料有限公司最具代表性。这家由湖南理工学院团队创办的企业成立于2021年，去年12月，企业在园区建成生产线。';
    const company = organization(resolve(text), '岳阳芙蓉催化材料有限公司');
    const mentioned = company?.mentions.map((m) => text.slice(m.start, m.end));
    expect(mentioned).toEqual(['岳阳芙蓉催化材料有限公司', '企业', '企业']);
    expect(company?.aliases).not.toContain('企业');
  });

  it('reads 该企业 as no company when its paragraph names none before it', () => {
    const text = '长沙星河电子有限公司落户园区。\n该企业负责人表示，将扩大生产。';
    const company = organization(resolve(text), '长沙星河电子有限公司');
    expect(company?.mentions).toHaveLength(1);
  });

  it('leaves a suffix in the middle of a sentence unjoined when several bodies have it', () => {
    const entities = resolve('甲市检测平台通过验收。乙市算力平台上线，企业可通过平台申请。');
    expect(entities.flatMap((e) => e.aliases)).not.toContain('平台');
  });

  it('reads the city a zone or a government is named after as a place it lies in', () => {
    const entities = resolve('联合实验室在福州高新区揭牌。成都市郫都区人民政府与企业签约。');
    const places = entities.filter((e) => e.type === 'place').map((e) => e.name);
    expect(places).toEqual(expect.arrayContaining(['福州市', '成都市']));
  });

  it('reads no place in a zone named after a district by its bare name, nor in a zone itself', () => {
    const entities = resolve('企业签约入驻三亚崖州湾科技城。两江新区管委会与企业签约。');
    const places = entities.filter((e) => e.type === 'place').map((e) => e.name);
    expect(places).not.toContain('崖州区');
    expect(places).not.toContain('两江新区');
  });

  it('joins 市政府 to the government of the city the document is about', () => {
    const entities = resolve('重庆市人民政府与中国科学院签约。重庆将全力服务，代表市委、市政府感谢。');
    expect(organization(entities, '重庆市人民政府')?.aliases).toContain('市政府');
  });

  it('reads 省科技厅 as the department of the province the document is about', () => {
    const entities = resolve('江西省科学技术厅出席。项目通过省科技厅组织的验收，九江市将加快建设。');
    expect(organization(entities, '江西省科学技术厅')?.aliases).toContain('省科技厅');
    const bureau = resolve('九江市与南昌大学签约。由市经信局牵头推进。');
    expect(bureau.map((e) => e.id)).toContain('organization:九江市经济和信息化局');
  });

  it('names no department of an area the document does not name', () => {
    const entities = resolve('项目通过省科技厅组织的验收。');
    expect(entities.filter((e) => e.type === 'organization')).toEqual([]);
  });

  it('joins a short form the document introduces', () => {
    const entities = resolve('中国科学院成都生物研究所（以下简称“成都生物所”）与企业合作。成都生物所表示');
    const institute = organization(entities, '中国科学院成都生物研究所');
    expect(institute?.aliases).toContain('成都生物所');
    expect(institute?.mentions.length).toBeGreaterThanOrEqual(2);
  });

  it('joins a short name that ends the full name', () => {
    const entities = resolve('在两江新区建设中科院广州化学西部研究院。西部研究院以人工智能为切入点。');
    expect(organization(entities, '中国科学院广州化学西部研究院')?.aliases).toContain('西部研究院');
  });

  it('joins an institute called by its city and kind', () => {
    const entities = resolve('依托重庆研究院，共建实验室。由中国科学院重庆绿色智能技术研究院发起。');
    expect(organization(entities, '中国科学院重庆绿色智能技术研究院')?.aliases).toContain('重庆研究院');
  });

  it('joins two names of one studio', () => {
    const entities = resolve('塔科玛创新工作室等企业签约。其中，塔科玛创新实验室落户科学城。');
    expect(entities.filter((e) => e.name.startsWith('塔科玛'))).toHaveLength(1);
  });

  it('joins the trade name of a company', () => {
    const entities = resolve('特斯联科技集团联合举办研讨会，与特斯联集中签约。');
    expect(organization(entities, '特斯联科技集团')?.aliases).toContain('特斯联');
  });

  it('joins the trade name of a company named after its city', () => {
    const entities = resolve('洛阳中重装备集团有限公司与河南科技大学签约。中重装备将投资建设轴承研发中心。');
    expect(organization(entities, '洛阳中重装备集团有限公司')?.aliases).toContain('中重装备');
  });

  it('joins a bare suffix to the one body with that suffix', () => {
    const entities = resolve('西部（重庆）科学城举办研讨会，在科学城举行。');
    expect(organization(entities, '西部（重庆）科学城')?.aliases).toContain('科学城');
  });

  it('keeps bodies with the same head and different kinds apart', () => {
    const entities = resolve('推动中国科学院大学重庆学院和中国科学院大学重庆医院发展。');
    expect(organization(entities, '中国科学院大学重庆学院')).toBeDefined();
    expect(organization(entities, '中国科学院大学重庆医院')).toBeDefined();
  });

  it('does not list places that are only part of a name', () => {
    const entities = resolve('长寿中科未来城创新产业园');
    expect(entities.filter((e) => e.type === 'place')).toEqual([]);
  });

  it('lists the city of a campus in brackets as a place as well', () => {
    const entities = resolve('华北电力大学（保定）与企业共建平台。');
    expect(organization(entities, '华北电力大学（保定）')).toBeDefined();
    expect(entities.find((e) => e.type === 'place')?.name).toBe('保定市');
  });

  it("names a department written in full after its level alone (自治区科学技术厅) after the document's area", () => {
    const entities = resolve('广西的企业获奖。会上，自治区科学技术厅与玉林市人民政府签署协议。');
    expect(organization(entities, '广西壮族自治区科学技术厅')?.aliases).toContain('自治区科学技术厅');
    // 厅 of 厅市会商 qualifies a noun; it is no mention of the department.
    const talks = resolve('会上，广西壮族自治区科学技术厅与玉林市人民政府签署厅市会商合作协议。');
    expect(organization(talks, '广西壮族自治区科学技术厅')?.aliases).toEqual([]);
    // With no area of its level in the document, the department keeps the name it is written by.
    expect(organization(resolve('省科学技术厅组织验收。'), '省科学技术厅')).toBeDefined();
  });

  it('lists each person once with their title', () => {
    const entities = resolve('市长唐良智出席。唐良智说，');
    expect(entities.filter((e) => e.type === 'person')).toEqual([
      expect.objectContaining({
        name: '唐良智',
        title: '市长',
        mentions: [expect.anything(), expect.anything()],
      }),
    ]);
  });

  it('joins a short form introduced with 下称 in corner brackets', () => {
    const entities = resolve(
      '香港城市大学（下称「城大」）今日与福田区签署协议。城大早于2019年已在深圳设立研究院。',
    );
    const university = entities.find((e) => e.name === '香港城市大学');
    expect(university?.aliases).toContain('城大');
    expect(university?.mentions.length).toBeGreaterThanOrEqual(2);
  });

  it('joins a zone named without its city to its full name', () => {
    const entities = resolve('南京江北新区举行集中签约仪式。江北新区将为项目提供服务。');
    const zone = entities.filter((e) => e.type === 'organization');
    expect(zone.map((e) => e.name)).toEqual(['南京江北新区']);
    expect(zone[0]?.aliases).toContain('江北新区');
  });
});
