import { resolve } from 'node:path';
import { defineConfig } from 'wxt';

/**
 * A fixed public key gives the extension the same id everywhere (akalfehckapncpenmnigfcjlihoodmne), which
 * administrators name in ExtensionSettings and in the 3rdparty policy. Only the public half is here; a store or
 * self-hosted CRX is signed with the private half, which is not in this repository.
 */
const EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEApGDyYumGjnSZ16TPFrIt77do3TwWj2FHh1svsuAN9GATLkUrrsDaB0EgtlMTVzpSwY+xCWnlJa4S5puAhtQM286palFPX1MHaqZzEPptigQmIo5WlWvY3yM6LnWGR4jBMzNBgiNcNduHlTTPNNBFIZtFFmD9pzTm4ipuZcRTM3nT6kSB5vI+25fl8yKkRrlUKcJc4sBZv7COmp+tYhsbZDk251bji4IOxgD0m9xznIh+RTEV79/CHFcsbS7L0mKhNDrEaxL6u6IqsmMoX6N8ebGyvixyFiNTrX3BVRocf6tsjWeEBXDXz7R/SZ4QrzhnDPPf4UblEbrE6WYy4soXhwIDAQAB';

/**
 * The guard stands in every frame from the start of the document, before any page script. Frames without an
 * origin of their own (about:blank, srcdoc, blob:, data:) get the guard of the page that made them.
 */
function contentScripts(browser: string) {
  const everywhere = { matches: ['<all_urls>'], all_frames: true, match_about_blank: true, run_at: 'document_start' };
  if (browser === 'firefox') return [{ ...everywhere, js: ['guard.js'] }];
  return [
    { ...everywhere, match_origin_as_fallback: true, js: ['guard.js'] },
    { ...everywhere, match_origin_as_fallback: true, js: ['page-hook.js'], world: 'MAIN' },
  ];
}

/** OCR's files, copied into the build's ocr/ folder for the file-reader frame (src/extension/extractor/serve.ts). */
const OCR_FILES = [
  ['node_modules/tesseract.js/dist/worker.min.js', 'ocr/worker.min.js'],
  ['node_modules/tesseract.js-core/tesseract-core-lstm.wasm.js', 'ocr/tesseract-core-lstm.wasm.js'],
  ['node_modules/tesseract.js-core/tesseract-core-simd-lstm.wasm.js', 'ocr/tesseract-core-simd-lstm.wasm.js'],
  ['node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz', 'ocr/eng.traineddata.gz'],
];

// Manifest V3 for Chromium browsers; `wxt build -b firefox` builds the Firefox package.
export default defineConfig({
  hooks: {
    'build:publicAssets': (wxt, files) => {
      if (wxt.config.browser !== 'firefox') for (const [src, dest] of OCR_FILES) files.push({ absoluteSrc: resolve(src!), relativeDest: dest! });
    },
  },
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    default_locale: 'en',
    ...(browser === 'firefox' ? {} : { key: EXTENSION_KEY }),
    description: '__MSG_extDescription__',
    // scripting: the engine is put into a frame when its guard first needs it (see content/engine-loader.ts);
    // all hosts: the guard stands in every page and frame.
    // unlimitedStorage: the organisation's protected data (exact-data tables, fingerprints) can pass 10 MB.
    // identity, identity.email (Chromium): the signed-in profile's address is the device's user at enrollment
    // when managed settings name none.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'scripting', 'webRequest', 'webRequestBlocking', ...(browser === 'firefox' ? [] : ['identity', 'identity.email'])],
    host_permissions: ['<all_urls>'],
    content_scripts: contentScripts(browser),
    // OCR's WebAssembly core needs wasm-unsafe-eval in extension pages (it compiles the module it ships with).
    ...(browser === 'firefox' ? {} : { content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';" } }),
    // The file reader runs as an invisible frame of the extension inside pages (content/extractor-client.ts).
    ...(browser === 'firefox' ? {} : { web_accessible_resources: [{ resources: ['extractor.html'], matches: ['<all_urls>'] }] }),
    // Enterprise policy reaches chrome.storage.managed through this schema (generated: npm run managed-schema).
    storage: { managed_schema: 'managed_schema.json' },
    // Firefox reads managed settings from policies.json ("3rdparty" > "Extensions" > this id).
    ...(browser === 'firefox' ? {
          browser_specific_settings: {
            // Decision events go to the organisation's backend when it sets eventsUrl: the sites shared to, and
            // the user's name where the administrator gives it (never the values found).
            gecko: { id: 'bulwark@bulwark-dlp.org', strict_min_version: '142.0', data_collection_permissions: { required: ['browsingActivity', 'personallyIdentifyingInfo'] } },
          },
        } : {}),
  }),
});
