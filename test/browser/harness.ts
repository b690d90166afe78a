/**
 * The browser tier: the real server on a temporary SQLite store, the web app built from its
 * sources, and Debian's Chromium driven by playwright-core.
 *
 *     const tier = browserTier();
 *     describe.skipIf(tier.skipped)(tier.title, () => { … await startApp(…); await launchChromium() … });
 *
 * Without /usr/bin/chromium the tests are skipped with the reason in their title — except in CI
 * (`CI=true`), where a missing Chromium fails them.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { buildApp } from '../../src/api/app.js';
import { AccountService, type Role } from '../../src/services/accounts.service.js';
import { ExtractionPool } from '../../src/services/extraction-pool.js';
import { ingestPaths } from '../../src/services/ingest-files.service.js';
import { openStore, type Store } from '../../src/store/open-store.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const CHROMIUM = '/usr/bin/chromium';
export const SAMPLES = join(ROOT, 'samples');
/** Screenshots of every page under test, for people to look at after a run. */
export const SCREENSHOTS = join(ROOT, 'test-results', 'browser');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

function hasChromium(): boolean {
  try {
    accessSync(CHROMIUM, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface BrowserTier {
  /** The describe title, and why it is skipped when it is. */
  title: string;
  /** Why the browser tests are skipped here, if they are. */
  skipped?: string;
}

/** Whether the browser tests run here; in CI they always run, and fail without Chromium. */
export function browserTier(title: string): BrowserTier {
  if (hasChromium() || process.env.CI === 'true') return { title };
  const skipped = `no Chromium at ${CHROMIUM} (apt-get install chromium); 未找到 Chromium`;
  console.warn(`[browser tests] ${title} (skipped: ${skipped})`);
  return { title: `${title} (skipped: ${skipped})`, skipped };
}

/** Builds the web app from web/ into `outDir`, as `npm run build:web` does into web/dist. */
async function buildWeb(outDir: string): Promise<void> {
  await run(
    join(ROOT, 'node_modules/.bin/vite'),
    ['build', '--config', 'web/vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: ROOT },
  );
}

export interface TestUser {
  name: string;
  password: string;
  role: Role;
}

export interface RunningApp {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  store: Store;
  close(): Promise<void>;
}

/**
 * The server as `coopatlas serve --login` runs it, on a new SQLite store holding `seed` (files
 * ingested before the browser comes) and `users`, listening on a free loopback port.
 */
export async function startApp(options: { seed: string[]; users: TestUser[] }): Promise<RunningApp> {
  const dir = await mkdtemp(join(tmpdir(), 'coopatlas-browser-'));
  const webRoot = join(dir, 'web');
  const pool = new ExtractionPool(2);
  let store: Store | undefined;
  let app: FastifyInstance | undefined;
  const close = async () => {
    await app?.close();
    await pool.close();
    await store?.close();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const opened = await openStore({ dialect: 'sqlite', file: join(dir, 'kb.db') });
    store = opened;
    const [, summary] = await Promise.all([buildWeb(webRoot), ingestPaths(opened, options.seed, { pool })]);
    if (summary.failed > 0) throw new Error(`seed documents failed: ${JSON.stringify(summary.files)}`);
    const accounts = new AccountService(opened.accounts);
    for (const user of options.users) await accounts.addUser(user.name, user.password, user.role);
    app = await buildApp({
      accounts,
      singleUser: false,
      webRoot,
      knowledge: { store: opened, pool: () => pool, uploadDir: join(dir, 'uploads') },
    });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    return { url: address, store: opened, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export interface Browser {
  page: Page;
  context: BrowserContext;
  /** Uncaught exceptions and console errors of the pages, to be none. */
  errors: string[];
  close(): Promise<void>;
}

/** Chromium on a fresh profile, one page of a desktop's size, in Chinese as the app's readers are. */
export async function launchChromium(): Promise<Browser> {
  if (!hasChromium()) {
    throw new Error(
      `CI=true 时必须有 Chromium (CI needs Chromium): no executable at ${CHROMIUM}; apt-get install chromium`,
    );
  }
  const profile = await mkdtemp(join(tmpdir(), 'coopatlas-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    timeout: 30_000,
  });
  context.setDefaultTimeout(10_000);
  const errors: string[] = [];
  context.on('weberror', (error) => errors.push(`uncaught: ${error.error().message}`));
  context.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    page,
    context,
    errors,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Saves the whole page as test-results/browser/NAME.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The little of the DOM the in-page checks use: the project's type-check has no DOM library. */
interface PageCanvas {
  width: number;
  height: number;
  getBoundingClientRect(): { left: number; top: number; width: number };
  getContext(
    kind: '2d',
  ): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
}
export interface PageGlobals {
  document: { querySelectorAll(selector: string): ArrayLike<PageCanvas> };
  getComputedStyle(element: unknown): { backgroundColor: string };
}

/** What a chart's canvases hold, read pixel by pixel. */
export interface ChartPixels {
  /** Pixels neither transparent nor near-white (the card's background): text, axes and marks. */
  inked: number;
  /** Pixels of a saturated colour: the bars, nodes and links themselves, not the grey text. */
  coloured: number;
  /** Where on the page the topmost pixels of `colour` are, to click that mark. */
  at?: { x: number; y: number };
}

type Rgb = readonly [number, number, number];

/** Reads the chart inside `container` once it has drawn (EChart.vue's data-drawn), animation over. */
export async function chartPixels(page: Page, container: string, colour?: Rgb): Promise<ChartPixels> {
  const chart = page.locator(container);
  await chart.scrollIntoViewIfNeeded();
  await page.locator(`${container}[data-drawn="true"]`).waitFor();
  return chart.evaluate((element, colour) => {
    const result: ChartPixels = { inked: 0, coloured: 0 };
    let top: { y: number; xs: number[]; canvas: PageCanvas } | undefined;
    const canvases = (element as unknown as PageGlobals['document']).querySelectorAll('canvas');
    for (const canvas of Array.from(canvases)) {
      if (canvas.width === 0 || canvas.height === 0) continue;
      const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
      if (!data) continue;
      for (let i = 0; i < data.length; i += 4) {
        const r = data[i] ?? 0;
        const g = data[i + 1] ?? 0;
        const b = data[i + 2] ?? 0;
        const a = data[i + 3] ?? 0;
        if (a <= 16 || (r > 245 && g > 245 && b > 245)) continue;
        result.inked++;
        if (a > 128 && Math.max(r, g, b) - Math.min(r, g, b) > 50) result.coloured++;
        if (!colour || Math.abs(r - colour[0]) + Math.abs(g - colour[1]) + Math.abs(b - colour[2]) > 24)
          continue;
        const y = Math.floor(i / 4 / canvas.width);
        const x = (i / 4) % canvas.width;
        if (!top || (top.canvas === canvas && y < top.y + 6)) {
          top ??= { y, xs: [], canvas };
          top.xs.push(x);
        }
      }
    }
    if (top) {
      const rect = top.canvas.getBoundingClientRect();
      const scale = rect.width / top.canvas.width;
      const middle = top.xs[Math.floor(top.xs.length / 2)] ?? 0;
      result.at = { x: rect.left + middle * scale, y: rect.top + (top.y + 3) * scale };
    }
    return result;
  }, colour);
}
