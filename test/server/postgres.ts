import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real PostgreSQL server of the test's own: initdb into a temporary folder, pg_ctl on a loopback port,
 * stopped and removed afterwards. PostgreSQL refuses to run as root, so as root it runs as the postgres user.
 */
export interface TestPostgres {
  url: string;
  stop(): void;
  /** pg_ctl restart: 'fast' ends sessions cleanly, 'immediate' as a crash would. */
  restart(mode?: 'fast' | 'immediate'): void;
  /** Stops the server but keeps its data, for startServer() to bring it back on the same port. */
  stopServer(mode?: 'fast' | 'immediate'): void;
  startServer(): void;
}

const BIN_DIRS = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin'];

export async function startPostgres(): Promise<TestPostgres> {
  const bin = (name: string) => BIN_DIRS.map((d) => join(d, name)).find((p) => existsSync(p)) ?? name;
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-pg-'));
  const asRoot = process.getuid?.() === 0;
  const runAs = (cmd: string, args: string[]) =>
    asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' }) : execFileSync(cmd, args, { stdio: 'pipe' });
  if (asRoot) {
    chmodSync(dir, 0o700);
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  runAs(bin('initdb'), ['-D', data, '-U', 'bulwark', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const pgCtl = (...args: string[]) => runAs(bin('pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-o', options, ...args]);
  pgCtl('start');
  runAs(bin('createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'bulwark', 'bulwark']);
  return {
    url: `postgres://bulwark@127.0.0.1:${port}/bulwark`,
    restart: (mode = 'fast') => void pgCtl('-m', mode, 'restart'),
    stopServer: (mode = 'fast') => void pgCtl('-m', mode, 'stop'),
    startServer: () => void pgCtl('start'),
    stop() {
      try {
        runAs(bin('pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function postgresUser(): { uid: number; gid: number } {
  const u = Number(execFileSync('id', ['-u', 'postgres']).toString());
  const g = Number(execFileSync('id', ['-g', 'postgres']).toString());
  return { uid: u, gid: g };
}

/** A port nobody listens on now, on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}
