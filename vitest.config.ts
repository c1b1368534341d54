import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 60_000,
    // What the browser does after an action arrives in milliseconds, or in seconds on a busy machine (a shared CI
    // runner reading a workbook): a poll waits for it up to 10 s instead of vitest's default 1 s.
    expect: { poll: { timeout: 10_000 } },
    globalSetup: ['test/e2e/global-setup.ts'],
  },
});
