import browser from 'webextension-polyfill';

/** The background's job grows with the policy and events issues; today it only reports that it runs. */
export function startBackground(): void {
  browser.runtime.onInstalled.addListener(() => {
    console.info('[bulwark] installed', browser.runtime.getManifest().version);
  });
}
