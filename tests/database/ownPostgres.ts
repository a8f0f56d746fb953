/**
 * A PostgreSQL cluster of a test's own, in a temporary folder on a free port of 127.0.0.1, so
 * that a test may stop and start the server without disturbing the other tests (which share the
 * server of `TEST_DATABASE_URL`). Uses the server binaries of `TEST_PG_BIN`, or the newest
 * `/usr/lib/postgresql/<version>/bin` (Debian's `postgresql` package, which `.ci/run` installs).
 * PostgreSQL refuses to run as root: as root, the commands run as the `postgres` user.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The folder of initdb and pg_ctl, or undefined when none is installed. */
export function findPostgresBinaries(): string | undefined {
  const given = process.env['TEST_PG_BIN']?.trim();
  if (given) return existsSync(join(given, 'pg_ctl')) ? given : undefined;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((version) => existsSync(join(root, version, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

/** Why an own cluster cannot run here, or undefined when it can. */
export function ownPostgresMissing(): string | undefined {
  if (findPostgresBinaries() === undefined) return 'no PostgreSQL server binaries (set TEST_PG_BIN, or apt-get install postgresql)';
  if (process.getuid?.() === 0 && postgresUser() === undefined) return 'running as root without a postgres user to run the server as';
  return undefined;
}

function postgresUser(): { uid: number; gid: number } | undefined {
  try {
    return { uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })) };
  } catch {
    return undefined;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface OwnPostgres {
  readonly url: string;
  stop(): void;
  start(): void;
  destroy(): void;
}

/** Creates and starts a cluster (about 2 s). */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const bin = findPostgresBinaries();
  if (bin === undefined) throw new Error(ownPostgresMissing());
  const folder = mkdtempSync(join(tmpdir(), 'dossier-pg-'));
  const data = join(folder, 'data');
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? postgresUser() : undefined;
  if (user !== undefined) chownSync(folder, user.uid, user.gid);
  const run = (command: string, args: string[]): void => {
    const quoted = [join(bin, command), ...args].map((part) => `'${part.replace(/'/g, "'\\''")}'`).join(' ');
    if (asRoot) execFileSync('su', ['postgres', '-c', quoted], { stdio: 'pipe' });
    else execFileSync(join(bin, command), args, { stdio: 'pipe' });
  };
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const port = await freePort();
  const conf = `listen_addresses = '127.0.0.1'\nport = ${port}\nunix_socket_directories = '${folder}'\nfsync = off\n`;
  writeFileSync(join(data, 'postgresql.auto.conf'), conf);
  if (user !== undefined) chownSync(join(data, 'postgresql.auto.conf'), user.uid, user.gid);
  const pgCtl = (action: string, extra: string[] = []): void => run('pg_ctl', [action, '-D', data, '-l', join(folder, 'server.log'), '-w', ...extra]);
  pgCtl('start');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => pgCtl('stop', ['-m', 'fast']),
    start: () => pgCtl('start'),
    destroy() {
      try {
        pgCtl('stop', ['-m', 'immediate']);
      } catch {
        // Already stopped.
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
