/**
 * Builds what the end-to-end tests load, once, before any test file starts (test files run in parallel and
 * must not rebuild the extension under each other): the extension, the console, and the bundle of real
 * editors for the test pages.
 */
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { buildConsole } from '../../src/cli/build-console';
import { EDITORS_BUNDLE } from './site';

export default async function setup(): Promise<void> {
  execFileSync('npx', ['wxt', 'build'], { stdio: 'pipe' });
  await buildConsole();
  await build({ entryPoints: ['test/e2e/pages/editors.ts'], bundle: true, minify: true, format: 'esm', outfile: EDITORS_BUNDLE, logLevel: 'error' });
}
