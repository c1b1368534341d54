/**
 * Real Chromium with the built extension and a managed policy of the test's own: Chromium reads enterprise
 * policy from /etc/chromium/policies, which is global to the machine, so each launch runs in a private mount
 * namespace with a temporary folder bound over it (needs root, as CI has). See shared/DESIGN.md.
 */
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
export const CHROMIUM = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find(existsSync);

/** The id of the extension that test/e2e/global-setup.ts built (fixed by the manifest's key). */
export function extensionId(): string {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { key: string };
  const hash = createHash('sha256').update(Buffer.from(manifest.key, 'base64')).digest('hex').slice(0, 32);
  return [...hash].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/**
 * The Chromium flag that gives the unpacked extension what a policy-installed one has (webRequestBlocking under
 * Manifest V3): the network backstop's mode. Without it, the page-world hook is the only network guard.
 */
export const policyInstalledArgs = (): string[] => [`--allowlisted-extension-id=${extensionId()}`];

export interface Session {
  context: BrowserContext;
  worker: Worker;
  /** Replaces the managed settings Chromium reads for the extension. */
  setManaged(settings: Record<string, unknown>): void;
  close(): Promise<void>;
}

/** `profile`: a user-data folder to use and keep (a browser restart is a second launch on it). */
export async function launch(extensionId: string, managed: Record<string, unknown>, extraArgs: string[] = [], profile?: string): Promise<Session> {
  if (!CHROMIUM) throw new Error('Chromium is not installed: apt-get install -y chromium');
  const root = mkdtempSync(join(tmpdir(), 'bulwark-e2e-'));
  const policies = join(root, 'policies');
  mkdirSync(join(policies, 'managed'), { recursive: true });
  mkdirSync('/etc/chromium/policies', { recursive: true });
  const setManaged = (settings: Record<string, unknown>) =>
    writeFileSync(join(policies, 'managed', 'bulwark.json'), JSON.stringify({ '3rdparty': { extensions: { [extensionId]: settings } } }));
  setManaged(managed);
  const wrapper = join(root, 'chromium.sh');
  writeFileSync(wrapper, `#!/bin/sh\nexec unshare --mount --propagation private sh -c 'mount --bind "$0" /etc/chromium/policies && exec "$@"' "${policies}" "${CHROMIUM}" "$@"\n`);
  chmodSync(wrapper, 0o755);
  const context = await chromium.launchPersistentContext(profile ?? join(root, 'profile'), {
    executablePath: wrapper,
    headless: true,
    args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  // Managed storage answers only once Chromium has loaded enterprise policy (a few seconds after start).
  await worker.evaluate(() => (globalThis as unknown as { bulwark: { effectivePolicy(): Promise<unknown> } }).bulwark.effectivePolicy());
  return {
    context,
    worker,
    setManaged,
    close: async () => {
      await context.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Polls `probe` until it returns what `done` accepts (Chromium reloads policy every few seconds). */
export async function until<T>(probe: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 40_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (done(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Calls one of the background's diagnostics (`bulwark.<name>()` in the service worker) and returns its answer. */
export const callBackground = (session: Session, name: string): Promise<unknown> =>
  session.worker.evaluate((n) => (globalThis as unknown as { bulwark: Record<string, () => Promise<unknown>> }).bulwark[n]!(), name);
