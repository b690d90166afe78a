/**
 * The web app in Chromium, as an editor uses it: log in, upload a document, read its facts
 * highlighted, review what was extracted, search, open an entity, look at the dashboard, and
 * read it all in English. The steps share one browser and one store, in order.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  browserTier,
  chartPixels,
  launchChromium,
  type PageGlobals,
  type RunningApp,
  SAMPLES,
  screenshot,
  startApp,
} from './harness.js';

/** Uploaded through the page; every other sample is in the store before the browser comes. */
const UPLOADED = '09_guangzhou-cae-agreement.txt';
const TITLE = '广州市与中国工程院签署战略合作协议 共建中国工程院广州战略研究院';
const EDITOR = { name: 'reviewer', password: 'reviewer-password-1', role: 'editor' } as const;
/** The first colour of the charts' palette: the partners' bars, and organisations in the graph. */
const FIRST_COLOUR = [0x2b, 0x6c, 0xb0] as const;

const tier = browserTier('the web app in Chromium');

describe.skipIf(tier.skipped)(tier.title, () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  /** The uploaded document's id, from its link in the ingest report. */
  let documentId = '';

  beforeAll(async () => {
    const seed = (await readdir(SAMPLES))
      .filter((name) => /\.(txt|html|pdf|docx)$/.test(name) && name !== UPLOADED)
      .map((name) => join(SAMPLES, name));
    const [started, launched] = await Promise.allSettled([
      startApp({ seed, users: [EDITOR] }),
      launchChromium(),
    ]);
    // Whichever came up is closed by afterAll when the other did not.
    if (started.status === 'fulfilled') app = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    for (const outcome of [started, launched]) if (outcome.status === 'rejected') throw outcome.reason;
    page = browser.page;
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  afterEach(() => {
    if (!browser) return;
    // A step that worked left no uncaught error and no error in the console behind it.
    expect(browser.errors).toEqual([]);
  });

  async function open(path: string): Promise<void> {
    await page.goto(`${app.url}${path}`);
    await page.waitForLoadState('networkidle');
  }

  /** What an element says, without the spaces around it. */
  async function text(locator: Locator): Promise<string> {
    return ((await locator.textContent()) ?? '').trim();
  }

  /** Follows a link of the header, as a reader does, and waits for the page's requests. */
  async function nav(testid: string, pageTestid: string): Promise<void> {
    await page.getByTestId(testid).click();
    await page.getByTestId(pageTestid).waitFor();
    await page.waitForLoadState('networkidle');
  }

  /** Clicks the topmost mark of the chart drawn in the first colour, and waits for the entity it opens. */
  async function openTopMark(chart: string, name: string): Promise<void> {
    const { at } = await chartPixels(page, chart, FIRST_COLOUR);
    expect(at, `a mark of ${chart}`).toBeDefined();
    await page.mouse.click(at?.x ?? 0, at?.y ?? 0);
    await page.getByTestId('entity-name').filter({ hasText: name }).waitFor();
    await page.waitForLoadState('networkidle');
  }

  it('asks for a login and returns to the page asked for, signed in with the role', async () => {
    await open('/review');
    await page.getByTestId('login-form').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByTestId('login-name').fill(EDITOR.name);
    await page.getByTestId('login-password').fill(EDITOR.password);
    await screenshot(page, 'login');
    await page.getByTestId('login-submit').click();
    // Back where the reader was going.
    await page.getByTestId('review-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/review');
    expect(await text(page.getByTestId('current-user'))).toContain(EDITOR.name);
    expect(await page.getByTestId('current-role').getAttribute('data-role')).toBe('editor');
    expect(await page.getByTestId('nav-upload').isVisible()).toBe(true);
    expect(await page.getByTestId('nav-users').count()).toBe(0);
  });

  it('uploads a sample document and reports it new with its facts', async () => {
    await nav('nav-upload', 'upload-page');
    await page.getByTestId('upload-input').setInputFiles(join(SAMPLES, UPLOADED));
    expect(await text(page.getByTestId('upload-files'))).toContain(UPLOADED);
    await page.getByTestId('upload-submit').click();
    const row = page.getByTestId('upload-report-row');
    await row.waitFor({ timeout: 30_000 });
    expect(await row.count()).toBe(1);
    expect(await row.getAttribute('data-outcome')).toBe('new');
    expect(Number(await text(row.locator('td.numeric')))).toBeGreaterThan(10);
    await screenshot(page, 'upload');

    await page.getByTestId('upload-report-link').click();
    await page.getByTestId('document-title').waitFor();
    documentId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    expect(documentId).toMatch(/^[0-9a-f]{64}$/);
  });

  it('highlights the facts of the document where they are in its text', async () => {
    await page.waitForLoadState('networkidle');
    expect(await text(page.getByTestId('document-title'))).toBe(TITLE);
    const view = (await (await page.request.get(`${app.url}/api/documents/${documentId}`)).json()) as {
      text: string;
    };
    // The highlighted text is the document's text, not a character lost or doubled …
    expect(await page.getByTestId('document-text').textContent()).toBe(view.text);
    // … and every highlight stands on the span it claims.
    const marks = await page.getByTestId('fact').evaluateAll((spans) =>
      spans.map((span) => ({
        kind: span.getAttribute('data-kind'),
        start: Number(span.getAttribute('data-start')),
        text: span.textContent ?? '',
        background: (globalThis as unknown as PageGlobals).getComputedStyle(span).backgroundColor,
      })),
    );
    expect(marks.length).toBeGreaterThan(10);
    for (const mark of marks)
      expect(view.text.slice(mark.start, mark.start + mark.text.length)).toBe(mark.text);
    const kinds = new Set(marks.map((mark) => mark.kind));
    for (const kind of ['organization', 'person', 'place', 'time']) expect(kinds).toContain(kind);
    // Highlighted means drawn: a fact has a background of its own.
    expect(marks.every((mark) => mark.background !== 'rgba(0, 0, 0, 0)')).toBe(true);
    const academy = marks.find((mark) => mark.text === '中国工程院');
    expect(academy?.kind).toBe('organization');

    await page
      .getByTestId('fact')
      .filter({ hasText: /^中国工程院$/ })
      .first()
      .click();
    expect(await text(page.getByTestId('fact-label'))).toBe('中国工程院');
    expect(await page.locator('[data-testid="fact"].is-selected').count()).toBeGreaterThan(0);

    // The legend hides a kind and shows it again.
    const organizations = page.locator('[data-testid="fact"][data-kind="organization"]');
    await page.getByTestId('legend-organization').locator('input').uncheck();
    expect(await organizations.count()).toBe(0);
    await page.getByTestId('legend-organization').locator('input').check();
    expect(await organizations.count()).toBeGreaterThan(0);
    await screenshot(page, 'document');
  });

  it('accepts statements in the review queue, by button and by the A key', async () => {
    await nav('nav-review', 'review-page');
    await page.getByTestId('review-filter-document').selectOption(documentId);
    await page.waitForURL((url) => url.searchParams.get('documentId') === documentId);
    // Names are facts the document view marks; a body's kind or a place's code are not.
    await page.getByTestId('review-filter-property').fill('name');
    await page.getByTestId('review-filter-property').press('Enter');
    await page.waitForURL((url) => url.searchParams.get('property') === 'name');
    const item = page.getByTestId('review-item');
    await item.waitFor();
    await page.waitForLoadState('networkidle');
    const first = await item.getAttribute('data-statement-id');
    expect(first).toBeTruthy();

    await page.getByTestId('review-accept').click();
    await page.locator(`[data-testid="review-item"]:not([data-statement-id="${first}"])`).waitFor();
    const second = await item.getAttribute('data-statement-id');

    // The shortcut works once the document filter no longer has the focus.
    await page.getByTestId('review-progress').click();
    await page.keyboard.press('a');
    await page.locator(`[data-testid="review-item"]:not([data-statement-id="${second}"])`).waitFor();
    const accepted = page.locator('.review-queue-list li[data-outcome="accepted"]');
    expect(await accepted.count()).toBe(2);
    await screenshot(page, 'review');

    // The server holds both decisions: the two are out of the queue of proposed statements.
    const queue = (await (
      await page.request.get(`${app.url}/api/review?documentId=${documentId}&limit=100`)
    ).json()) as { items: Array<{ id: string }> };
    const left = queue.items.map((statement) => statement.id);
    expect(left).not.toContain(first);
    expect(left).not.toContain(second);

    // The document view shows the decision on the fact.
    const statements = [first, second].map((id) => `[data-statement-id="${id}"][data-status="accepted"]`);
    await open(`/documents/${documentId}`);
    const decided = page.locator(`[data-testid="fact"]:is(${statements.join(',')})`);
    // The facts are drawn once the text is: on a busy machine after the network is idle.
    await decided.first().waitFor();
    expect(await decided.count()).toBeGreaterThan(0);
  });

  it('finds the uploaded document by search and opens it', async () => {
    await nav('nav-search', 'search-page');
    await page.getByTestId('search-input').fill('广州战略研究院');
    await page.getByTestId('search-submit').click();
    await page.getByTestId('search-hit').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).searchParams.get('q')).toBe('广州战略研究院');
    const hit = page.getByTestId('search-hit-link').filter({ hasText: TITLE });
    expect(await hit.count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="search-hit"] mark').count()).toBeGreaterThan(0);
    await screenshot(page, 'search');
    await hit.first().click();
    await page.getByTestId('document-title').waitFor();
    expect(await text(page.getByTestId('document-title'))).toBe(TITLE);
  });

  it('opens an entity page with its timeline and relation graph, whose nodes open their entities', async () => {
    await open(`/search?q=${encodeURIComponent('中国工程院')}&kind=entity`);
    await page
      .getByTestId('search-hit-link')
      .filter({ hasText: /^\s*中国工程院\s*$/ })
      .first()
      .click();
    await page.getByTestId('entity-name').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await text(page.getByTestId('entity-name'))).toBe('中国工程院');
    expect(await page.getByTestId('timeline-event').count()).toBeGreaterThan(0);
    expect(await text(page.getByTestId('entity-timeline'))).toContain('2022');
    const graph = await chartPixels(page, '[data-testid="chart-relations"]');
    // Nodes and links, not only their labels.
    expect(graph.coloured).toBeGreaterThan(1000);
    await screenshot(page, 'entity');

    // The partner sharing the most events stands at the top of the ring; its node opens its page.
    const partner = await text(page.locator('[data-testid="entity-relations"] tbody tr:first-child a'));
    await openTopMark('[data-testid="chart-relations"]', partner);
    expect(await text(page.getByTestId('entity-name'))).toBe(partner);
  });

  it('draws every dashboard chart', async () => {
    await nav('nav-dashboard', 'dashboard');
    expect(Number(await text(page.locator('[data-testid="stat-documents"] .stat-value')))).toBe(14);
    const charts = await page
      .locator('[data-testid^="chart-"]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-testid') ?? ''));
    expect(charts).toEqual(
      expect.arrayContaining(['chart-events-by-year', 'chart-investment', 'chart-partners']),
    );
    for (const chart of charts) {
      const pixels = await chartPixels(page, `[data-testid="${chart}"]`);
      expect(pixels.inked, chart).toBeGreaterThan(pixels.coloured);
      expect(pixels.coloured, chart).toBeGreaterThan(500);
    }
    await screenshot(page, 'dashboard');
  });

  it('opens the entity of the bar clicked in the partners chart', async () => {
    const partners = '[data-testid="chart-partners"]';
    // The topmost bar is the most frequent partner, the first row of the chart's table.
    const top = await text(page.locator(`${partners} + details tbody tr:first-child a`));
    await openTopMark(partners, top);
    expect(await text(page.getByTestId('entity-name'))).toBe(top);
    await page.goBack();
    await page.getByTestId('dashboard').waitFor();
  });

  it('merges another body into an entity and splits its name off again, as an editor', async () => {
    await open(`/search?q=${encodeURIComponent('中国工程院')}&kind=entity`);
    await page
      .getByTestId('search-hit-link')
      .filter({ hasText: /^\s*中国工程院\s*$/ })
      .first()
      .click();
    await page.getByTestId('entity-manage').waitFor();
    await page.waitForLoadState('networkidle');
    const aliases = page.getByTestId('entity-aliases').locator('.chip');
    const before = await aliases.allTextContents();

    // Another organisation, found by a word of its name, merged into this one.
    await page.getByTestId('entity-picker-input').fill('广州');
    const option = page.getByTestId('entity-picker-options').getByRole('option').first();
    await option.waitFor();
    const other = ((await option.textContent()) ?? '').trim();
    await option.click();
    await page.getByTestId('merge-submit').click();
    await page.locator('.notice-success').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await text(page.getByTestId('entity-name'))).toBe('中国工程院');
    const merged = (await aliases.allTextContents()).map((a) => a.trim());
    const added = merged.filter((name) => !before.map((b) => b.trim()).includes(name));
    expect(added.length, `names of ${other} among the aliases`).toBeGreaterThan(0);
    await screenshot(page, 'entity-merged');

    // The merged name split off to a body of its own: gone from the aliases, a link to the new one.
    const name = added[0] ?? '';
    await page.getByTestId('split-form').getByLabel(name, { exact: true }).check();
    await page.getByTestId('split-submit').click();
    await page.locator('.notice-success a').waitFor();
    await page.waitForLoadState('networkidle');
    expect((await aliases.allTextContents()).map((a) => a.trim())).not.toContain(name);
    await page.locator('.notice-success a').click();
    await page.getByTestId('entity-name').filter({ hasText: name }).waitFor();
    await nav('nav-dashboard', 'dashboard');
  });

  it('switches the language to English and back, and remembers the choice', async () => {
    const html = page.locator('html');
    await page.getByTestId('language-switch').click();
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    expect(await text(page.getByTestId('nav-dashboard'))).toBe('Overview');
    expect(await text(page.locator('h1.page-title'))).toBe('Overview');
    expect(await text(page.getByTestId('language-switch'))).toBe('中文');
    expect(await page.title()).toContain('CoopAtlas');
    expect((await chartPixels(page, '[data-testid="chart-events-by-year"]')).coloured).toBeGreaterThan(500);
    await screenshot(page, 'dashboard-en');

    await page.reload();
    await page.getByTestId('dashboard').waitFor();
    expect(await html.getAttribute('lang')).toBe('en');

    await page.getByTestId('language-switch').click();
    await page.locator('html[lang="zh-CN"]').waitFor({ state: 'attached' });
    expect(await text(page.getByTestId('nav-dashboard'))).toBe('总览');
    expect(await text(page.getByTestId('language-switch'))).toBe('English');
  });
});
