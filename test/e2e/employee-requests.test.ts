import { chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type TestBackend } from '../server/harness';
import { callBackground, CHROMIUM, extensionId, launch, policyInstalledArgs, until, type Session } from './chromium';
import { signInAs } from './console-sign-in';
import { dialogText, paste, use, waitForDialog } from './employee';
import { startSite, type Site } from './site';

const USER = 'carol@ourpharma.com';
const PAYROLL = 'New hire file: SSN 219-09-9999, start on Monday.';
const OTHER_SSN = 'Another file: SSN 078-05-1120, start on Monday.';
const POLICY = {
  rules: [{ id: 'block-ssn', description: 'Social security numbers stay inside the company.', message: 'SSNs stay in the HR system.', match: { entityTypes: ['SSN'] }, action: 'block' }],
};

type Recorded = { action: string; rule?: string; outcome: string; exceptions?: string[]; request?: { kind: string } };
type Request = { id: string; kind: string; status: string; user: string; rule: string; host: string; reason?: string };

/**
 * The employee's voice, end to end in real Chromium against the real server: a block that the employee reports
 * as not sensitive and asks an exception for, from the dialog; the requests reach the security team, who grant
 * in the console the exception for these values on this site and decline the report; the browser then lets the
 * values through (recorded, with the exception), still blocks another value, and the popup shows both answers.
 */
describe("the employee's requests (real Chromium, real server)", () => {
  let site: Site;
  let b: TestBackend;
  let session: Session;
  let page: Page;
  beforeAll(async () => {
    site = await startSite();
    b = await startBackend('sqlite');
    expect((await b.call('/api/policies', { method: 'POST', as: 'policy_admin', json: { policy: POLICY, note: 'SSNs stay inside' } })).status).toBe(201);
    // Installed by policy, as in a company: the network backstop is in force too.
    session = await launch(extensionId(), { serverUrl: b.url, enrollmentToken: b.enrollmentToken, user: USER }, [...site.args, ...policyInstalledArgs()]);
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await takePolicy((await b.server.store.currentPolicy())!.version);
  }, 90_000);
  afterAll(async () => {
    await page?.close();
    await session?.close();
    await b?.close();
    await site?.close();
  });

  const takePolicy = (version: number) =>
    until(
      async () => (await callBackground(session, 'refreshCentralPolicy'), (await callBackground(session, 'effectivePolicy')) as { source: string; policy: { version: number; exceptions: { granted?: unknown[] } } }),
      (p) => p.source === 'central' && p.policy.version === version,
    );
  const recent = () => callBackground(session, 'recentDecisions') as Promise<Recorded[]>;
  const pasteInto = async (text: string) => {
    await page?.close();
    page = await session.context.newPage();
    await page.goto(site.url('chat.example.com', 'fields.html'));
    await paste(page, '#ta', text);
  };
  const requests = async (): Promise<Request[]> => ((await (await b.call('/api/requests', { as: 'analyst' })).json()) as { requests: Request[] }).requests;
  const sentRequests = async (n: number) => {
    await until(
      async () => (await callBackground(session, 'flushEvents'), await requests()),
      (r) => r.length === n,
    );
    return requests();
  };

  it("a block leads with the administrator's words, says what stops it, and offers a report and an exception", async () => {
    await pasteInto(PAYROLL);
    const text = await waitForDialog(page);
    expect(text.indexOf('SSNs stay in the HR system.')).toBeLessThan(text.indexOf('What stops it:'));
    expect(text).toContain('Social security numbers stay inside the company.');
    expect(text).toContain('Reference: block-ssn');
    expect(text).not.toContain('219-09-9999');
    expect(text).toContain("This isn't sensitive");
    expect(text).toContain('Request an exception');
    expect(text).not.toContain('Remove sensitive values and share');
  });

  it('"This isn\'t sensitive" reaches the console as a report to decide, and the share stays stopped', async () => {
    await use(page, "This isn't sensitive");
    await use(page, 'What is it? (optional)', 'A test record from the training system');
    await use(page, 'Send report');
    expect(await waitForDialog(page)).toMatch(/Sent to your security team/);
    await use(page, 'Close');
    await expect.poll(() => dialogText(page)).toBeUndefined();
    expect(await page.inputValue('#ta')).toBe('');
    const [report] = await sentRequests(1);
    expect(report).toMatchObject({ kind: 'false-positive', status: 'open', user: USER, rule: 'block-ssn', host: 'chat.example.com', reason: 'A test record from the training system' });
    expect((await recent())[0]).toMatchObject({ action: 'block', outcome: 'cancelled', request: { kind: 'false-positive' } });
  });

  it('an exception request carries its reason and scope; the values in the reason are not kept', async () => {
    await pasteInto(PAYROLL);
    await waitForDialog(page);
    await use(page, 'Request an exception');
    await use(page, 'Why do you need to share this? (required)', 'Payroll migration for 219-09-9999 this week');
    await use(page, 'Send request');
    expect(await waitForDialog(page)).toMatch(/Request sent to your security team/);
    await use(page, 'Close');
    const asked = (await sentRequests(2)).find((r) => r.kind === 'exception')!;
    expect(asked).toMatchObject({ status: 'open', user: USER, rule: 'block-ssn', host: 'chat.example.com', reason: 'Payroll migration for [SSN] this week' });
  });

  it('once the security team grants it, the browser lets those values through on that site (recorded) and still blocks others', async () => {
    const exception = (await requests()).find((r) => r.kind === 'exception')!;
    // The security team, in the console of its own browser.
    const admin = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    try {
      const consolePage = await (await admin.newContext()).newPage();
      await consolePage.goto(b.url);
      await signInAs(consolePage, 'policy_admin');
      await consolePage.getByRole('link', { name: 'Requests' }).click();
      const asked = consolePage.getByRole('article', { name: `Exception: ${USER}` });
      await expect.poll(() => asked.textContent()).toMatch(/block-ssn.*chat\.example\.com.*Payroll migration for \[SSN\] this week/);
      await asked.getByRole('button', { name: 'Approve…' }).click();
      const approve = consolePage.getByRole('form', { name: `Approve the request of ${USER}` });
      await approve.getByLabel('Note to the employee').fill('Fine for the migration week');
      await approve.getByRole('button', { name: 'Approve' }).click();
      await consolePage.getByRole('alertdialog').getByRole('button', { name: 'Grant and publish' }).click();
      await expect.poll(() => consolePage.getByRole('status').textContent()).toMatch(/Approved: the exception is in the policy/);
      const reported = consolePage.getByRole('article', { name: `This isn't sensitive: ${USER}` });
      await reported.getByRole('button', { name: 'Reject…' }).click();
      const reject = consolePage.getByRole('form', { name: `Reject the request of ${USER}` });
      await reject.getByLabel('Note to the employee').fill('SSNs are sensitive wherever they come from');
      await reject.getByRole('button', { name: 'Reject' }).click();
      await expect.poll(() => consolePage.getByRole('article').count()).toBe(0);
    } finally {
      await admin.close();
    }
    const policy = await takePolicy((await b.server.store.currentPolicy())!.version);
    expect(policy.policy.exceptions.granted).toEqual([expect.objectContaining({ id: exception.id, user: USER, host: 'chat.example.com', rule: 'block-ssn', hashes: [expect.stringMatching(/^[0-9a-f]{64}$/)] })]);

    await pasteInto(PAYROLL);
    await expect.poll(() => page.inputValue('#ta')).toBe(PAYROLL);
    expect(await dialogText(page)).toBeUndefined();
    await expect.poll(async () => (await recent())[0]).toMatchObject({ action: 'audit', outcome: 'sent', exceptions: [exception.id] });

    await pasteInto(OTHER_SSN);
    expect(await waitForDialog(page)).toContain("This can't be shared here");
  });

  it('the popup shows the employee both answers', async () => {
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${extensionId()}/popup.html`);
    const section = popup.locator('section[aria-labelledby="requests"]');
    await expect.poll(() => section.textContent(), { timeout: 15_000 }).toContain('Your requests');
    const items = await section.locator('li').allTextContents();
    expect(items).toHaveLength(2);
    expect(items.find((t) => t.includes('exception requested'))).toMatch(/granted until .*, on chat\.example\.com.*Fine for the migration week/);
    expect(items.find((t) => t.includes('reported as not sensitive'))).toMatch(/declined.*SSNs are sensitive wherever they come from/);
    await popup.close();
  });

  it('a request the network backstop stopped (a worker sending it) can be reported from the dialog in the tab', async () => {
    await page?.close();
    page = await session.context.newPage();
    await page.goto(site.url('notes.example.com', 'backstop.html'));
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.evaluate((t) => void (window as unknown as { routes: Record<string, (t: string) => unknown> }).routes.worker!(t), OTHER_SSN);
    const text = await waitForDialog(page);
    expect(text).toContain('data sent by the page');
    await use(page, "This isn't sensitive");
    await use(page, 'Send report');
    await use(page, 'Close');
    const sent = await sentRequests(3);
    expect(sent.find((r) => r.host === 'notes.example.com')).toMatchObject({ kind: 'false-positive', status: 'open', user: USER, rule: 'block-ssn' });
    expect(site.received.filter((r) => r.body.includes('078-05-1120'))).toEqual([]);
  });
});
