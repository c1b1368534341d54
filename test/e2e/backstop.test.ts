/**
 * The network backstop in real Chromium, with the grant a policy-installed extension gets
 * (--allowlisted-extension-id): what a page sends by routes the page-world hook does not see (a form.submit()
 * navigation, a worker's fetch, a service worker's fetch, an image's query string) and by beacon and XHR is
 * read in the background and stopped by policy; each harmless twin arrives untouched. Without the grant, the
 * popup and the options page say that the check is page level only.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extensionId, policyInstalledArgs } from './chromium';
import { answer, dialogText, guardedBrowser, HARMLESS, paste, PHI, PHI_VALUES, waitForDialog } from './employee';

const BLOCK = { policy: { version: 3, name: 'No patient data out', rules: [{ id: 'no-phi-out', match: { categories: ['phi'] }, action: 'block' }] } };
const WARN = { policy: { version: 4, name: 'Ask before patient data', rules: [{ id: 'ask-phi', match: { categories: ['phi'] }, action: 'warn' }] } };

type Route = 'formSubmit' | 'navigate' | 'beacon' | 'xhr' | 'query' | 'worker' | 'serviceWorker';
/** Where each route's request arrives at the test site. */
const PATHS: Record<Route, string> = { formSubmit: '/form-post', navigate: '/backstop.html', beacon: '/beacon', xhr: '/xhr', query: '/search', worker: '/worker-save', serviceWorker: '/sw-save' };

/** Runs a route in the page; a form.submit() navigates, which ends the evaluation (expected). */
const send = (page: Page, route: Route, text: string) =>
  page.evaluate(([r, t]) => void (window as unknown as { routes: Record<string, (t: string) => unknown> }).routes[r!]!(t!), [route, text] as const).catch((e: Error) => {
    if (!/context was destroyed|navigat/i.test(e.message)) throw e;
  });
/** What the app's workers reported back to the page (route, tries), once they have. */
const reported = async (page: Page) => {
  await expect.poll(() => page.evaluate(() => (window as unknown as { sent: unknown[] }).sent.length)).toBeGreaterThan(0);
  return page.evaluate(() => (window as unknown as { sent: { route: string; tries: number }[] }).sent);
};
const mode = async (page: Page, which: 'popup' | 'options') => {
  await page.goto(`chrome-extension://${extensionId()}/${which}.html`);
  return page.locator('[data-testid=network]').textContent();
};

function notesApp(managed: Record<string, unknown>, args: string[]) {
  const env = guardedBrowser(managed, args);
  const state = { page: undefined as unknown as Page };
  beforeEach(async () => {
    env.site.received.length = 0;
    state.page = await env.session.context.newPage();
    await state.page.goto(env.site.url('notes.example.com', 'backstop.html'));
    // The service worker takes the page once it is active.
    await state.page.evaluate(() => navigator.serviceWorker.ready);
  });
  afterEach(async () => {
    await state.page?.close();
  });
  const arrived = (path: string) => env.site.received.filter((r) => r.path === path);
  const leaked = () => env.site.received.filter((r) => PHI_VALUES.some((v) => r.body.includes(v)));
  return { env, state, arrived, leaked };
}

describe('the network backstop under a block policy (real Chromium, policy-installed grant)', () => {
  const { env, state, arrived, leaked } = notesApp(BLOCK, policyInstalledArgs());

  it.each(Object.keys(PATHS) as Route[])('stops patient data sent by %s; the harmless twin arrives untouched', async (route) => {
    await send(state.page, route, PHI);
    // The employee is told in the page that sent it (after a cancelled navigation the backstop takes the tab back to it).
    expect(await waitForDialog(state.page)).toContain("This can't be shared here");
    await answer(state.page, { choose: 'cancel' });
    await send(state.page, route, HARMLESS);
    await expect.poll(() => arrived(PATHS[route]).length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(arrived(PATHS[route]).map((r) => r.body).join('\n')).toContain(HARMLESS.split(' ').slice(0, 3).join(route === 'formSubmit' ? '+' : ' '));
    expect(leaked()).toEqual([]);
    if (route === 'formSubmit' || route === 'navigate') await state.page.waitForURL(route === 'formSubmit' ? /form-post/ : /backstop.html\?note=/);
  });

  it('tells the employee in the tab why it stopped a worker request: masked previews, only Cancel', async () => {
    await send(state.page, 'worker', PHI);
    const text = await waitForDialog(state.page);
    expect(text).toContain("This can't be shared here");
    expect(text).toContain('data sent by the page');
    expect(text).not.toContain('Share anyway');
    for (const v of PHI_VALUES) expect(text).not.toContain(v);
    await answer(state.page, { choose: 'cancel' });
    expect(leaked()).toEqual([]);
  });

  it('the popup and the options page say the network check is on', async () => {
    expect(await mode(state.page, 'popup')).toBe('Network check: on (installed by your organization)');
    expect(await mode(state.page, 'options')).toContain('Network check: on (installed by your organization).');
    void env;
  });
});

describe('the network backstop under a warn policy', () => {
  const { env, state, arrived, leaked } = notesApp(WARN, policyInstalledArgs());

  it.each(['worker', 'serviceWorker'] as const)('cancels a %s request, asks in the tab, and lets the app retry after "share anyway"', async (route) => {
    await send(state.page, route, PHI);
    const text = await waitForDialog(state.page);
    expect(text).toContain('Share anyway');
    expect(arrived(PATHS[route])).toEqual([]);
    await answer(state.page, { choose: 'continue' });
    await expect.poll(() => arrived(PATHS[route]).length, { timeout: 15_000 }).toBe(1);
    expect(arrived(PATHS[route])[0]!.body).toContain('219-09-9999');
    expect((await reported(state.page)).at(-1)!.tries).toBeGreaterThan(1);
    // The allowance holds for that page: the employee's second save goes without a question.
    await send(state.page, route, PHI);
    await expect.poll(() => arrived(PATHS[route]).length, { timeout: 15_000 }).toBe(2);
    expect(await dialogText(state.page)).toBeUndefined();
  });

  it('a navigation with patient data in its query: the tab goes back to the page, asks, and the second try goes', async () => {
    // form.submit() is held in the page by the page-world hook first; a navigation the page makes itself is seen
    // only by the backstop, which cancels it, takes the tab back to the page and asks there.
    await send(state.page, 'navigate', PHI);
    await answer(state.page, { choose: 'continue' });
    expect(arrived('/backstop.html')).toEqual([]);
    await send(state.page, 'navigate', PHI);
    await expect.poll(() => arrived('/backstop.html').length, { timeout: 15_000 }).toBe(1);
    expect(arrived('/backstop.html')[0]!.body).toContain('219-09-9999');
    await state.page.waitForURL(/backstop.html\?note=/);
  });

  it('after Cancel the retries stay stopped and nothing is asked again for a while', async () => {
    await send(state.page, 'worker', PHI);
    await answer(state.page, { choose: 'cancel' });
    await state.page.waitForTimeout(3000);
    expect(await dialogText(state.page)).toBeUndefined();
    expect(leaked()).toEqual([]);
  });

  it('does not ask twice: patient data the employee chose to paste leaves by a worker without a second question', async () => {
    await paste(state.page, '#notes', PHI);
    await answer(state.page, { choose: 'continue' });
    await expect.poll(() => state.page.inputValue('#notes')).toBe(PHI);
    await state.page.evaluate(() => (window as unknown as { routes: { worker(t: string): void } }).routes.worker((document.getElementById('notes') as HTMLTextAreaElement).value));
    await expect.poll(() => arrived('/worker-save').length, { timeout: 15_000 }).toBe(1);
    expect(await dialogText(state.page)).toBeUndefined();
    expect((await reported(state.page)).at(-1)!.tries).toBe(1);
    void env;
  });
});

describe('without the grant (an unpacked or store install)', () => {
  const env = guardedBrowser(WARN);

  it('the popup and the options page say the network check is page level only', async () => {
    const page = await env.session.context.newPage();
    expect(await mode(page, 'popup')).toBe('Network check: page level only');
    expect(await mode(page, 'options')).toContain('Network check: page level only.');
    await page.close();
  });
});
