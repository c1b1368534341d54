import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionId, launch, until, type Session } from './chromium';

type Probe = { source: string; version: number; action: string; rule?: string };

const SECRET = 'export GITHUB_TOKEN=ghp_wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUy';
const managedPolicy = (version: number, action: 'block' | 'audit') => ({
  policy: { version, rules: [{ id: `secrets-${action}`, match: { categories: ['secret'] }, action }] },
});

describe('managed policy in real Chromium', () => {
  let session: Session;
  let id = '';
  beforeAll(async () => {
    id = extensionId();
    session = await launch(id, managedPolicy(10, 'block'));
  }, 60_000);
  afterAll(() => session?.close());

  const probe = () =>
    session.worker.evaluate(async (text) => {
      const b = (globalThis as unknown as { bulwark: { effectivePolicy(): Promise<{ source: string; policy: { version: number } }>; decide(t: string, c: object): Promise<{ action: string; rule?: string }> } }).bulwark;
      const e = await b.effectivePolicy();
      const d = await b.decide(text, { channel: 'paste', host: 'example.org' });
      return { source: e.source, version: e.policy.version, action: d.action, rule: d.rule };
    }, SECRET) as Promise<Probe>;

  it('reaches the extension from the policies folder and decides', async () => {
    const first = await until(probe, (p) => p.source === 'managed');
    expect(first).toEqual({ source: 'managed', version: 10, action: 'block', rule: 'secrets-block' });
  });

  it('shows the employee that the organization manages it', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${id}/popup.html`);
    await expect.poll(() => page.textContent('[data-testid=source]'), { timeout: 10_000 }).toBe('Managed by your organization');
    await page.close();
  });

  it('takes a changed policy without a restart', async () => {
    session.setManaged(managedPolicy(11, 'audit'));
    const next = await until(probe, (p) => p.version === 11);
    expect(next).toEqual({ source: 'managed', version: 11, action: 'audit', rule: 'secrets-audit' });
  });

  it('falls back to the bundled default when the administrator removes it', async () => {
    session.setManaged({});
    const after = await until(probe, (p) => p.source !== 'managed');
    expect(after).toEqual({ source: 'default', version: 1, action: 'warn', rule: 'warn-secrets' });
  });
});
