/**
 * The engine as it ships: one bundled module (as Vite builds it into the extension), not the TypeScript sources
 * run through a loader, whose per-module accessors would be measured too. With a git ref, the engine as it was at
 * that commit, bundled the same way from `git archive`, so that before and after are measured in one run.
 */
import { build } from 'esbuild';
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export type Detect = typeof import('../../src/core/detect');

const out = mkdtempSync(join(tmpdir(), 'bulwark-bench-'));

/** The bundle's path and module: this tree's engine, or `ref`'s (undefined when the ref is not in this clone). */
export async function bundleEngine(ref?: string): Promise<{ path: string; detect: Detect } | undefined> {
  let root = '.';
  if (ref) {
    root = join(out, ref.replace(/[^\w.-]/g, '_'));
    try {
      mkdirSync(root);
      execSync(`git archive ${ref} src/core | tar -x -C ${JSON.stringify(root)}`, { stdio: ['ignore', 'ignore', 'ignore'] });
    } catch {
      return undefined;
    }
  }
  const path = join(out, `${ref ? root.split('/').pop() : 'tree'}.mjs`);
  await build({ entryPoints: [join(root, 'src/core/detect/index.ts')], bundle: true, format: 'esm', platform: 'neutral', outfile: path, logLevel: 'error',
    // An archived tree has no node_modules of its own: it takes this checkout's packages.
    nodePaths: [resolve('node_modules')] });
  return { path, detect: (await import(pathToFileURL(path).href)) as Detect };
}

/** Removes the bundles (at the end of a bench). */
export const removeBundles = (): void => rmSync(out, { recursive: true, force: true });
