/** What every benchmark run records beside its figures: how long a step took, on which machine, and where the figures go. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'results');

/** A step's value and the seconds it took. */
export async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; seconds: number }> {
  const start = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - start) / 1000 };
}

/** The machine the figures were measured on; the load says how busy it was with other work. */
export function machine() {
  return {
    cpu: cpus()[0]?.model ?? '',
    cores: cpus().length,
    node: process.version,
    loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

/** Writes the figures as bench/results/NAME-DATE.json and NAME-latest.json. */
export function writeResults(name: string, figures: { date: string }): void {
  mkdirSync(RESULTS, { recursive: true });
  const json = `${JSON.stringify(figures, null, 2)}\n`;
  writeFileSync(join(RESULTS, `${name}-${figures.date.slice(0, 10)}.json`), json);
  writeFileSync(join(RESULTS, `${name}-latest.json`), json);
}
