/**
 * A throw-away PostgreSQL server for tests: `initdb` into a temporary folder, `pg_ctl start`
 * listening only on a Unix socket in that folder (no TCP port), queries through `psql`. As root,
 * the server runs as the `postgres` user (PostgreSQL refuses to run as root) through `runuser`.
 *
 * `startPostgres()` returns undefined when PostgreSQL is not installed, so that a developer without
 * it skips; with CI set it throws instead: in CI the tests that need it must run, never skip
 * (.ci/run installs it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PostgresServer {
  /** The folder holding the socket (the `-h` of psql). */
  socketDir: string;
  /** Runs SQL text (several statements allowed); returns the rows of the last result, tab-separated fields split. */
  query(sql: string): string[][];
  stop(): void;
}

/** The folder of `initdb`, `pg_ctl` and `psql`: on PATH, else Debian's /usr/lib/postgresql/<version>/bin. */
function findBinDir(): string | undefined {
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return path.dirname(which.stdout.trim());
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : undefined;
}

function userId(name: string): { uid: number; gid: number } | undefined {
  const result = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const group = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  return result.status === 0 && group.status === 0 ? { uid: Number(result.stdout.trim()), gid: Number(group.stdout.trim()) } : undefined;
}

function unavailable(reason: string): undefined {
  if (process.env.CI) throw new Error(`PostgreSQL is needed in CI: ${reason}`);
  return undefined;
}

/** Starts a server in a new temporary folder; undefined (outside CI) when PostgreSQL is missing. */
export function startPostgres(): PostgresServer | undefined {
  const bin = findBinDir();
  if (!bin) return unavailable('initdb is neither on PATH nor under /usr/lib/postgresql/*/bin (apt-get install postgresql)');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'logi-pg-'));
  const isRoot = process.getuid?.() === 0;
  const runAs: string[] = [];
  if (isRoot) {
    const owner = userId('postgres');
    if (!owner) return unavailable('running as root, and there is no postgres user to run the server as');
    chownSync(dir, owner.uid, owner.gid);
    runAs.push('runuser', '-u', 'postgres', '--');
  }
  chmodSync(dir, 0o700);
  const data = path.join(dir, 'data');
  const run = (command: string, args: string[]): void => {
    const [program, ...rest] = runAs.length > 0 ? [...runAs, path.join(bin, command), ...args] : [path.join(bin, command), ...args];
    execFileSync(program as string, rest, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
  };
  try {
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--locale=C', '-E', 'UTF8']);
    run('pg_ctl', ['-D', data, '-o', `-k ${dir} -c listen_addresses=''`, '-l', path.join(dir, 'server.log'), '-w', 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return unavailable(`the server did not start: ${(error as Error).message}`);
  }
  const psql = existsSync(path.join(bin, 'psql')) ? path.join(bin, 'psql') : 'psql';
  let counter = 0;
  return {
    socketDir: dir,
    query(sql: string): string[][] {
      const file = path.join(dir, `query-${++counter}.sql`);
      writeFileSync(file, sql);
      chmodSync(file, 0o644);
      const output = execFileSync(psql, ['-X', '-q', '-h', dir, '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-A', '-t', '-F', '\t', '-f', file], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      });
      return output
        .split('\n')
        .filter((line) => line.length > 0)
        .map((line) => line.split('\t'));
    },
    stop(): void {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
