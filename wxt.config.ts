import { defineConfig } from 'wxt';

// Manifest V3 for Chromium browsers; `wxt build -b firefox` builds the Firefox package.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Bulwark',
    description: 'Data-loss prevention in the browser: stops protected health information, personal data and secrets from leaking.',
    permissions: ['storage', 'alarms'],
    // Enterprise policy reaches chrome.storage.managed through this schema (generated: npm run managed-schema).
    storage: { managed_schema: 'managed_schema.json' },
  },
});
