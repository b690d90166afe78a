/**
 * Technology matching in Chromium, as an officer of a science-city office uses it: enter a
 * company's need, read the ranked candidates with their reasons and evidence, open a
 * candidate's source at its sentence, judge a match, and see a need that cannot be matched
 * refused in Chinese.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  browserTier,
  launchChromium,
  type RunningApp,
  screenshot,
  startApp,
} from './harness.js';

const DOCS = fileURLToPath(new URL('../matching/docs', import.meta.url));
const EDITOR = { name: 'officer', password: 'officer-password-1', role: 'editor' } as const;

const tier = browserTier('technology matching in Chromium');

describe.skipIf(tier.skipped)(tier.title, () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const [started, launched] = await Promise.allSettled([
      startApp({
        seed: [
          `${DOCS}/01_chongqing-face-recognition.txt`,
          `${DOCS}/02_chongqing-3d-printing.txt`,
          `${DOCS}/07_xian-additive.txt`,
          `${DOCS}/04_chongqing-three-gorges-water.txt`,
        ],
        users: [EDITOR],
      }),
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
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  afterEach(() => {
    if (browser) expect(browser.errors).toEqual([]);
  });

  it('ranks candidates for a need with their reasons, and opens a candidate’s source at its sentence', async () => {
    await page.getByTestId('nav-matching').click();
    await page.getByTestId('matching-page').waitFor();
    await page.getByTestId('matching-description').fill('寻求金属三维打印服务，用于钛合金零件的快速制造');
    await page.getByTestId('matching-district').fill('重庆市北碚区');
    await page.getByTestId('matching-submit').click();
    const candidates = page.getByTestId('matching-candidate');
    await candidates.first().waitFor();
    expect(await candidates.count()).toBeGreaterThan(2);
    const names = await page.getByTestId('matching-name').allTextContents();
    expect(names.slice(0, 3)).toContain('中国科学院重庆绿色智能技术研究院3D打印技术研究中心');

    const top = candidates.first();
    const reasons = await top.getByTestId('matching-reason').allTextContents();
    expect(reasons.join('\n')).toMatch(/词语相关 \+[\d.]+/);
    expect(reasons.join('\n')).toContain('“三维打印” ≈');
    expect(await top.locator('mark').count()).toBeGreaterThan(0);
    await screenshot(page, 'matching');

    const center = candidates
      .filter({ hasText: '中国科学院重庆绿色智能技术研究院3D打印技术研究中心' })
      .first();
    const evidence = (await center.getByTestId('matching-evidence').first().textContent()) ?? '';
    await center.getByTestId('matching-source').first().click();
    await page.getByTestId('document-page').waitFor();
    const cited = (await page.getByTestId('cited-sentence').textContent()) ?? '';
    expect(cited.replace(/\s+/g, '').length).toBeGreaterThan(10);
    expect(evidence.replace(/\s+/g, '')).toContain(cited.replace(/\s+/g, ''));
    await page.goBack();
  });

  it('records an editor’s judgement of a match', async () => {
    await page.goto(`${app.url}/matching`);
    await page.getByTestId('matching-description').fill('长江支流水华预警和水质在线监测');
    await page.getByTestId('matching-submit').click();
    const first = page.getByTestId('matching-candidate').first();
    await first.waitFor();
    await first.getByRole('button', { name: '有用' }).click();
    await expect(first.getByTestId('matching-judged').textContent()).resolves.toContain('已记录：有用');
  });

  it('refuses a need not written in Chinese, saying so in Chinese', async () => {
    await page.goto(`${app.url}/matching`);
    await page.getByTestId('matching-description').fill('We need metal 3D printing');
    await page.getByTestId('matching-submit').click();
    await page.getByTestId('error').waitFor();
    expect(await page.getByTestId('error').textContent()).toContain('需求描述须用中文写明所需的技术');
    expect(await page.getByTestId('matching-results').count()).toBe(0);
    // The browser logs the refused request; that one, and only it, is expected.
    const refused = browser.errors.filter((e) => e.includes('status of 400') && e.includes('/api/matching'));
    expect(refused).toHaveLength(1);
    browser.errors.splice(0, browser.errors.length, ...browser.errors.filter((e) => !refused.includes(e)));
  });
});
