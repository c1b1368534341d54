/**
 * What an employee does in a page, driven as they would: real Ctrl+V pastes, the keyboard in the guard's
 * dialog. The dialog lives in a closed shadow root, so the tests read it the way a screen reader does:
 * through the accessibility tree (Chrome DevTools Protocol), which also proves that it is accessible.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { extensionId, launch, type Session } from './chromium';
import { startSite, type Site } from './site';

interface AXNode {
  nodeId: string;
  childIds?: string[];
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  properties?: { name: string; value: { value: unknown } }[];
}

async function axNodes(page: Page): Promise<AXNode[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return ((await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] }).nodes;
  } finally {
    await cdp.detach();
  }
}

/** The accessible text of the guard's dialog (title, findings, buttons), or undefined when none is open. */
export async function dialogText(page: Page): Promise<string | undefined> {
  const nodes = await axNodes(page);
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const dialog = nodes.find((n) => !n.ignored && n.role?.value === 'alertdialog');
  if (!dialog) return undefined;
  const names: string[] = [];
  const visit = (n: AXNode) => {
    if (!n.ignored && n.name?.value) names.push(n.name.value);
    for (const id of n.childIds ?? []) {
      const child = byId.get(id);
      if (child) visit(child);
    }
  };
  visit(dialog);
  return names.join(' | ');
}

/** Whether the guard shows its progress dialog (a large share being checked). */
export async function progressShown(page: Page): Promise<boolean> {
  return (await axNodes(page)).some((n) => !n.ignored && n.role?.value === 'dialog' && n.name?.value === 'Checking what you share…');
}

export async function waitForDialog(page: Page, timeoutMs = 15_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const text = await dialogText(page);
    if (text) return text;
    if (Date.now() > end) throw new Error('the guard showed no dialog');
    await page.waitForTimeout(100);
  }
}

const focusedName = async (page: Page): Promise<string | undefined> =>
  // The document is focused too: the control is the deepest focused node.
  (await axNodes(page)).filter((n) => !n.ignored && n.properties?.some((p) => p.name === 'focused' && p.value.value === true)).at(-1)?.name?.value;

/** Moves focus with Tab to the control with this accessible name. */
export async function tabTo(page: Page, name: string): Promise<void> {
  // The dialog moves focus to its first button as it opens.
  for (let i = 0; i < 40 && (await focusedName(page)) !== 'Cancel'; i++) await page.waitForTimeout(50);
  for (let i = 0; i < 8; i++) {
    if ((await focusedName(page)) === name) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`no control named "${name}" in the dialog (focus is on "${await focusedName(page)}"; the dialog says: ${await dialogText(page)})`);
}

export type Answer = { choose: 'cancel' } | { choose: 'redact' } | { choose: 'continue'; justification?: string };

/** Answers the open dialog with the keyboard, and waits for it to close. */
export async function answer(page: Page, a: Answer): Promise<void> {
  await waitForDialog(page);
  if (a.choose === 'cancel') await page.keyboard.press('Escape');
  else if (a.choose === 'redact') {
    await tabTo(page, 'Remove sensitive values and share');
    await page.keyboard.press('Enter');
  } else {
    if (a.justification) {
      await tabTo(page, 'Why do you need to share this? (recorded for your security team)');
      await page.keyboard.type(a.justification);
    }
    await tabTo(page, 'Share anyway');
    await page.keyboard.press('Enter');
  }
  for (let i = 0; i < 50 && (await dialogText(page)); i++) await page.waitForTimeout(100);
}

/** Moves to the dialog's control with this name and presses Enter (a button) or types `text` into it (a field). */
export async function use(page: Page, name: string, text?: string): Promise<void> {
  await tabTo(page, name);
  if (text === undefined) await page.keyboard.press('Enter');
  else await page.keyboard.type(text);
}

/** A real paste: the text goes on the system clipboard, the field gets focus, Ctrl+V. */
export async function paste(page: Page, selector: string, text: string, frame: Page | Frame = page): Promise<void> {
  await frame.focus(selector);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
}

/** What the page's own handlers received (test/e2e/pages/record.js). */
export const seen = (frame: Page | Frame) => frame.evaluate(() => (window as unknown as { seen: Record<string, unknown>[] }).seen);

/** Text with patient data that the default policy warns about. */
export const PHI = 'Patient Maria Gonzalez, MRN 48213377, SSN 219-09-9999, was admitted with diabetic ketoacidosis.';
export const PHI_VALUES = ['219-09-9999', '48213377'];
export const HARMLESS = 'The stability study for lot planning moves to Thursday afternoon.';
export const SECRET = 'export GITHUB_TOKEN=ghp_wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUy';

/**
 * The test sites and a Chromium with the built extension, for one test file: started before its tests, closed
 * after them. `managed` is the extension's managed settings; `args` more Chromium flags.
 */
export function guardedBrowser(managed: Record<string, unknown> = {}, args: string[] = []): { site: Site; session: Session } {
  const env = {} as { site: Site; session: Session };
  beforeAll(async () => {
    env.site = await startSite();
    env.session = await launch(extensionId(), managed, [...env.site.args, ...args]);
    await env.session.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  }, 120_000);
  afterAll(async () => {
    await env.session?.close();
    await env.site?.close();
  });
  return env;
}

/**
 * The upload test page, fresh for each test, in a guarded browser: `page()` is the current test's page and
 * `uploads()` what reached the site's /upload since it opened.
 */
export function uploadPage(managed: Record<string, unknown> = {}): { env: { site: Site; session: Session }; page(): Page; uploads(): Site['received'] } {
  const env = guardedBrowser(managed);
  let current: Page;
  beforeEach(async () => {
    env.site.received.length = 0;
    current = await env.session.context.newPage();
    await current.goto(env.site.url('files.example.com', 'upload.html'));
  });
  afterEach(async () => {
    await current.close();
  });
  return { env, page: () => current, uploads: () => env.site.received.filter((r) => r.path === '/upload') };
}
