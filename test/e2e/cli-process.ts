/**
 * The CLI from the sources as a process of its own, on a store: `--db FILE` for SQLite,
 * `DATABASE_URL` for PostgreSQL, as people run it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { StoreLocation } from '../../src/store/open-store.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts `coopatlas ARGS…` on the store; `done` settles when it exits, however it exits. */
export function cli(location: StoreLocation, args: string[]): { child: ChildProcess; done: Promise<Run> } {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  const storeArgs = location.dialect === 'sqlite' ? ['--db', location.file] : [];
  if (location.dialect === 'postgres') env.DATABASE_URL = location.url;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args, ...storeArgs], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const done = new Promise<Run>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

/** Runs `coopatlas ARGS…` on the store to its end. */
export const run = (location: StoreLocation, args: string[]): Promise<Run> => cli(location, args).done;
