/**
 * The status report as a reader sees it in Chromium: the HTML report of the seeds rendered with
 * its figures, kept as test-results/browser/report.png, its Chinese drawn as glyphs, not as the boxes a
 * browser draws for characters its fonts lack.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/render-html.js';
import { ingestPaths } from '../../src/services/ingest-files.service.js';
import { writeReport } from '../../src/services/report.service.js';
import type { Store } from '../../src/store/open-store.js';
import { storeEngines } from '../store/dialects.js';
import { type Browser, browserTier, launchChromium, screenshot } from './harness.js';

const SEEDS = fileURLToPath(new URL('../../../shared/seeds', import.meta.url));
const tier = browserTier('the status report in Chromium');
const [sqlite] = storeEngines();

/** In the page: whether text is drawn differently from characters no font has (private-use code points). */
interface Canvas2d {
  font: string;
  fillText(text: string, x: number, y: number): void;
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
}
interface PageDocument {
  createElement(tag: 'canvas'): { width: number; height: number; getContext(kind: '2d'): Canvas2d | null };
  querySelector(selector: string): unknown;
}
declare const document: PageDocument;
declare function getComputedStyle(element: unknown): { fontFamily: string };

describe.skipIf(tier.skipped)(tier.title, () => {
  let store: Store;
  let browser: Browser;

  beforeAll(async () => {
    store = await (sqlite as NonNullable<typeof sqlite>).open();
    await ingestPaths(store, [SEEDS]);
    browser = await launchChromium();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await store?.close();
  });

  it('renders the report’s Chinese as glyphs, its figures drawn with their captions, and keeps the page as a PNG', async () => {
    const report = await writeReport(store, { region: '重庆', from: 2016, to: 2020 });
    const html = renderHtml(report);
    const { page } = browser;
    await page.setContent(html, { waitUntil: 'load' });
    expect(await page.locator('h1').textContent()).toBe('重庆科技合作情况（2016—2020年）');
    expect(report.figures.length).toBeGreaterThan(0);
    expect(await page.locator('figcaption').allTextContents()).toEqual(
      report.figures.map((f, i) => `图${i + 1}　${f.title}`),
    );
    for (const [i] of report.figures.entries()) {
      const box = await page.locator(`#figure-${i + 1} svg`).boundingBox();
      expect(box?.width).toBeGreaterThan(300);
      expect(box?.height).toBeGreaterThan(150);
    }
    await screenshot(page, 'report');
    const differs = await page.evaluate(() => {
      const family = getComputedStyle(document.querySelector('p')).fontFamily;
      const draw = (text: string) => {
        const canvas = document.createElement('canvas');
        canvas.width = 200;
        canvas.height = 40;
        const context = canvas.getContext('2d');
        if (!context) return '';
        context.font = `24px ${family}`;
        context.fillText(text, 0, 30);
        return Array.from(context.getImageData(0, 0, 200, 40).data).join(',');
      };
      const chinese = draw('科技合作');
      return {
        inked: chinese.split(',').some((v) => v !== '0'),
        glyphs: chinese !== draw('\uE000\uE001\uE002\uE003'),
      };
    });
    expect(differs).toEqual({ inked: true, glyphs: true });
    expect(browser.errors).toEqual([]);
  }, 60_000);
});
