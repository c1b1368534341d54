import type { Page } from 'playwright-core';
import { PASSWORD } from '../server/harness';

/**
 * Signs `page`, open at the console's sign-in form, in as `role` (the test backend's people share one
 * password) and waits for the first view, as a person would. Two-step sign-in: `code` gives the current code.
 */
export async function signInAs(page: Page, role: string, code?: () => string): Promise<void> {
  await page.getByLabel('Name').fill(role);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (code) {
    await page.getByLabel('Code').fill(code());
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
  await page.getByRole('heading', { name: 'Events', exact: true }).waitFor();
}
