import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Builds the console (Preact) into .output/console: index.html, console.js, console.css. */
export async function buildConsole(root = process.cwd()): Promise<void> {
  const out = join(root, '.output/console');
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [join(root, 'src/console/main.tsx')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outfile: join(out, 'console.js'),
    logLevel: 'warning',
  });
  copyFileSync(join(root, 'src/console/index.html'), join(out, 'index.html'));
  copyFileSync(join(root, 'src/console/console.css'), join(out, 'console.css'));
}

if (import.meta.url === `file://${process.argv[1]}`) await buildConsole();
