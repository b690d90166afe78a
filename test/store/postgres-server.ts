/**
 * A real PostgreSQL server for the store tests: initdb in a temporary folder, started with
 * pg_ctl on a free loopback port, stopped and removed afterwards. As root (initdb refuses to
 * run as root) the server runs as the `postgres` user, or `nobody` when there is none.
 */
import { execFile, execFileSync } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import { chmod, chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

const PROGRAMS = ['initdb', 'pg_ctl', 'postgres'] as const;

function hasPrograms(dir: string): boolean {
  try {
    for (const program of PROGRAMS) accessSync(join(dir, program), constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function versionDirs(): string[] {
  try {
    return readdirSync('/usr/lib/postgresql')
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a))
      .map((v) => `/usr/lib/postgresql/${v}/bin`);
  } catch {
    return [];
  }
}

/** The folder holding initdb, pg_ctl and postgres: on PATH, in /usr/local/bin, or Debian's /usr/lib/postgresql/N/bin. */
export function findPostgresBin(): string | undefined {
  const path = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return [...path, '/usr/local/bin', ...versionDirs()].find(hasPrograms);
}

interface RunAs {
  uid: number;
  gid: number;
}

/** initdb will not run as root: run the server as `postgres` (or `nobody`) then. */
function serverUser(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
      return { uid, gid };
    } catch {
      // try the next user
    }
  }
  throw new Error(
    '以 root 运行但没有 postgres 或 nobody 用户 (running as root with no postgres or nobody user)',
  );
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface PostgresServer {
  port: number;
  /** A new empty database on the server, as a connection URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

/** Starts a throw-away PostgreSQL server on 127.0.0.1; `stop()` ends it and removes its files. */
export async function startPostgres(bin: string): Promise<PostgresServer> {
  const dir = await mkdtemp(join(tmpdir(), 'coopatlas-pg-'));
  const data = join(dir, 'data');
  const user = serverUser();
  if (user) {
    await chown(dir, user.uid, user.gid);
    await chmod(dir, 0o700);
  }
  const as = user ? { uid: user.uid, gid: user.gid } : {};
  const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };
  const port = await freePort();
  const log = join(dir, 'server.log');
  try {
    await run(
      join(bin, 'initdb'),
      ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale'],
      {
        ...as,
        env,
        cwd: dir,
      },
    );
    const options = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      // A test server: speed over durability.
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
    ].join(' ');
    await run(join(bin, 'pg_ctl'), ['-D', data, '-l', log, '-o', options, '-w', '-t', '60', 'start'], {
      ...as,
      env,
      cwd: dir,
    });
  } catch (error) {
    const serverLog = await readFile(log, 'utf8').catch(() => '');
    await rm(dir, { recursive: true, force: true });
    throw new Error(`无法启动 PostgreSQL (cannot start PostgreSQL): ${String(error)}\n${serverLog}`);
  }
  const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let databases = 0;
  return {
    port,
    async createDatabase() {
      const name = `coopatlas_test_${process.pid}_${++databases}`;
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      try {
        await client.query(`create database ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      await run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], {
        ...as,
        env,
        cwd: dir,
      }).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
