/**
 * The registry in Chromium, as an editor of a science-city office uses it: register a project
 * from a signing event of seed 000 and confirm it, make the event's signing batch, move the
 * project along the pipeline (and out of order only with a reason), import a spreadsheet with
 * bad rows, and read what needs attention.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { entityId } from '../../src/core/statements.js';
import { writeSheet } from '../../src/registry/sheet-files.js';
import { projectSheet } from '../factories/project-sheet.js';
import {
  type Browser,
  browserTier,
  chartPixels,
  launchChromium,
  type RunningApp,
  screenshot,
  startApp,
} from './harness.js';

const SEED_000 = fileURLToPath(new URL('../../../shared/seeds/000_d216a71aa114e994.txt', import.meta.url));
const SEED_002 = fileURLToPath(new URL('../../../shared/seeds/002_717669ecf8a4545b.txt', import.meta.url));
const EDITOR = { name: 'officer', password: 'officer-password-1', role: 'editor' } as const;
const HOST = entityId('organization', '特斯联科技集团');
const CAS = entityId('organization', '中国科学院');
const INSTITUTE = entityId('organization', '中国科学院重庆绿色智能技术研究院');

const tier = browserTier('the registry in Chromium');

describe.skipIf(tier.skipped)(tier.title, () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'coopatlas-registry-browser-'));
    const [started, launched] = await Promise.allSettled([
      startApp({ seed: [SEED_000, SEED_002], users: [EDITOR] }),
      launchChromium(),
    ]);
    if (started.status === 'fulfilled') app = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    for (const outcome of [started, launched]) if (outcome.status === 'rejected') throw outcome.reason;
    page = browser.page;
    await page.goto(`${app.url}/login`);
    await page.getByTestId('login-name').fill(EDITOR.name);
    await page.getByTestId('login-password').fill(EDITOR.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('dashboard').waitFor();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  afterEach(() => {
    if (browser) expect(browser.errors).toEqual([]);
  });

  /** The signing event of seed 000 on the page of one of its parties. */
  async function signingEvent() {
    await page.goto(`${app.url}/entities/${encodeURIComponent(HOST)}`);
    await page.waitForLoadState('networkidle');
    const event = page
      .getByTestId('timeline-event')
      .filter({ has: page.getByTestId('event-register-project') })
      .first();
    await event.waitFor();
    return event;
  }

  const column = (status: string) => page.locator(`[data-testid="pipeline-column"][data-status="${status}"]`);

  it('registers a project from a signing event: the event fills the form, the editor confirms', async () => {
    await (await signingEvent()).getByTestId('event-register-project').click();
    await page.getByTestId('project-form').waitFor();
    await page.getByTestId('project-draft-source').waitFor();
    expect(await page.getByTestId('project-parties').inputValue()).toContain('重庆高新区');
    await page.getByTestId('project-name').fill('特斯联-奇安信城市智能安全联合实验室');
    await page.getByTestId('project-signed').fill('2020-12-15');
    await screenshot(page, 'registry-from-event');
    await page.getByTestId('project-save').click();
    await page.getByTestId('registry-notice').waitFor();
    await column('signed').getByText('特斯联-奇安信城市智能安全联合实验室').waitFor();
  });

  it('makes the signing batch of the event in one click, with its categories and counts', async () => {
    await (await signingEvent()).getByTestId('event-make-batch').click();
    await page.getByTestId('batches').waitFor();
    const categories = await page.getByTestId('batch-category').allTextContents();
    expect(categories.map((c) => c.trim())).toEqual([
      '研发基地 13',
      '联合实验室 4',
      '区域总部 12',
      '数据中心 10',
      '战略合作 2',
    ]);
    expect(await page.getByTestId('batch').textContent()).toContain('41 个项目');
  });

  it('moves the project along the pipeline, and out of order only with a reason', async () => {
    const card = () =>
      page.getByTestId('pipeline-card').filter({ hasText: '特斯联-奇安信城市智能安全联合实验室' });
    await card().getByTestId('pipeline-next').click();
    await column('landed').getByText('特斯联-奇安信城市智能安全联合实验室').waitFor();

    await card().getByTestId('pipeline-other').selectOption('in_production');
    await card().getByTestId('move-confirm').click();
    await card()
      .getByText('从“已落地”变为“已投产”不符合签约 → 落地 → 在建 → 投产的顺序，请填写理由。')
      .waitFor();
    await card().getByTestId('move-reason').fill('利用既有厂房，未单独建设');
    await card().getByTestId('move-confirm').click();
    await column('in_production').getByText('特斯联-奇安信城市智能安全联合实验室').waitFor();
    expect(await card().textContent()).toContain('利用既有厂房');
    await screenshot(page, 'registry-pipeline');
  });

  it('imports a spreadsheet, reporting each bad row with its line and reason', async () => {
    const sheet = projectSheet(27, 3);
    const file = join(dir, '项目台账.xlsx');
    await writeFile(file, await writeSheet(sheet.rows, 'xlsx', '项目'));
    await page.getByTestId('sheet-input').setInputFiles(file);
    await page.getByTestId('sheet-summary').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('sheet-summary').textContent()).toContain(
      '新增 27 个，更新 0 个，未变 0 个，失败 3 个',
    );
    const lines = await page.getByTestId('sheet-bad-line').allTextContents();
    expect(lines).toHaveLength(3);
    for (const [i, line] of [...sheet.bad.keys()].entries()) expect(lines[i]).toMatch(new RegExp(`^${line}`));
    await page.waitForLoadState('networkidle');
    // The list is read again after the report is shown: wait for the new total.
    await page.getByTestId('registry-total').filter({ hasText: '28' }).waitFor();
    expect(await page.getByTestId('registry-total').textContent()).toContain('28');
    await screenshot(page, 'registry-import');
  });

  it('lists what needs attention on a given day, with the reason and the last source', async () => {
    await page.getByTestId('nav-attention').click();
    await page.getByTestId('attention-page').waitFor();
    await page.getByTestId('attention-today').fill('2030-01-01');
    await page.getByTestId('attention-today').dispatchEvent('change');
    await page.getByTestId('attention-item').first().waitFor();
    expect(await page.getByTestId('attention-item').first().textContent()).toMatch(
      /签约已超过 6 个月，仍未落地.*项目台账\.xlsx 第 \d+ 行/,
    );
    await screenshot(page, 'attention');
  });

  it('registers an agreement from an agreement event, adds a commitment, and flags it once past due', async () => {
    await page.goto(`${app.url}/entities/${encodeURIComponent(CAS)}`);
    await page.waitForLoadState('networkidle');
    await page.getByTestId('event-register-agreement').first().click();
    await page.getByTestId('records-page').waitFor();
    await page.getByTestId('agreement-draft-source').waitFor();
    expect(await page.getByTestId('agreement-parties').inputValue()).toContain('中国科学院');
    await page.getByTestId('agreement-save').click();
    await page.getByTestId('agreement').first().waitFor();
    const agreement = page.getByTestId('agreement').first();
    await agreement.getByTestId('commitment-what').fill('共建重庆科技成果转化中心');
    await agreement.getByTestId('commitment-due').fill('2021-03-31');
    await agreement.getByTestId('commitment-add').click();
    await agreement.getByTestId('commitment').waitFor();
    await screenshot(page, 'records');

    await page.getByTestId('nav-attention').click();
    await page.getByTestId('attention-today').fill('2021-04-01');
    await page.getByTestId('attention-today').dispatchEvent('change');
    await page.getByTestId('attention-item').filter({ hasText: '共建重庆科技成果转化中心' }).waitFor();

    await page.getByTestId('nav-records').click();
    await page.getByTestId('commitment-done').first().click();
    await page.getByTestId('commitment').filter({ hasText: '✓' }).waitFor();
  });

  it('registers a platform from a founding event, its name, founders and day filled in', async () => {
    await page.goto(`${app.url}/entities/${encodeURIComponent(INSTITUTE)}`);
    await page.waitForLoadState('networkidle');
    const founding = page.getByTestId('timeline-event').filter({ hasText: '竹溪智谷科企联盟' }).first();
    await founding.getByTestId('event-register-platform').click();
    await page.getByTestId('platform-draft-source').waitFor();
    expect(await page.getByTestId('platform-name').inputValue()).toBe('竹溪智谷科企联盟');
    await page.getByTestId('platform-save').click();
    await page.getByTestId('platform').filter({ hasText: '竹溪智谷科企联盟' }).waitFor();
    expect(
      await page.getByTestId('platform').filter({ hasText: '竹溪智谷科企联盟' }).textContent(),
    ).toContain('2020-09-25');
  });

  it('imports a spreadsheet of platforms on the records page, reporting its bad row', async () => {
    const file = join(dir, '平台台账.csv');
    await writeFile(
      file,
      '平台名称,类型,级别,活动：日期｜内容\n大数据与智能计算重庆市重点实验室,重点实验室,省部级,2020-09-01｜年度学术会议\n某平台,联盟,市级,\n',
    );
    await page.getByTestId('nav-records').click();
    await page.getByTestId('records-page').waitFor();
    await page.getByTestId('platforms-sheet-input').setInputFiles(file);
    await page.getByTestId('platforms-sheet-summary').waitFor();
    expect(await page.getByTestId('platforms-sheet-summary').textContent()).toContain('新增 1 个');
    expect(await page.getByTestId('platforms-sheet-bad-line').textContent()).toMatch(
      /^3: “级别”应为国家级、省部级、区县级之一/,
    );
    await page.getByTestId('platform').filter({ hasText: '大数据与智能计算重庆市重点实验室' }).waitFor();
  });

  it('writes the status report on its page, each note opening its sentence, and offers it as a Word file', async () => {
    await page.getByTestId('nav-report').click();
    await page.getByTestId('report-page').waitFor();
    await page.getByTestId('report-write').click();
    await page.getByTestId('report').waitFor();
    const text = (await page.getByTestId('report').textContent()) ?? '';
    for (const part of ['2020年12月15日，', '等5个创新平台', '竹溪智谷科企联盟'])
      expect(text).toContain(part);
    const figures = page.getByTestId('report-figures');
    expect(await figures.locator('figcaption').first().textContent()).toBe('图1　合作事件年度分布（按类型）');
    expect((await figures.locator('svg').first().boundingBox())?.width).toBeGreaterThan(300);
    await screenshot(page, 'report-page');
    const href = (await page.getByTestId('report-docx').getAttribute('href')) ?? '';
    const docx = await page.request.get(`${app.url}${href}`);
    expect(docx.status()).toBe(200);
    expect(docx.headers()['content-type']).toContain('wordprocessingml');
    await page.getByTestId('report-note').first().click();
    await page.getByTestId('document-title').waitFor();
    expect(new URL(page.url()).searchParams.get('at')).toMatch(/^\d+$/);
  });

  it('draws the registry’s projects by category on the dashboard, each category opening its projects', async () => {
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('chart-projects').waitFor();
    await page.waitForLoadState('networkidle');
    const pixels = await chartPixels(page, '[data-testid="chart-projects"]');
    expect(pixels.coloured).toBeGreaterThan(500);
    const card = page.locator('section[aria-labelledby="chart-projects-title"]');
    await card.locator('details summary').click();
    await card.getByRole('link', { name: '研发基地' }).first().click();
    await page.getByTestId('registry-page').waitFor();
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).searchParams.get('category')).toBe('研发基地');
    // The page asks for its projects after it is shown: wait for them, not for the network to rest.
    await page.getByTestId('pipeline-card').first().waitFor();
    const cards = await page.getByTestId('pipeline-card').allTextContents();
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.every((card) => card.includes('研发基地'))).toBe(true);
  });
});
