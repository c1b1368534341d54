/**
 * The managed settings that force-install Bulwark in Chrome and enroll it with a server, one file per platform:
 * Linux's managed policy JSON, a Windows .reg file, a macOS configuration profile and the JSON that Google Admin's
 * "Policy for extensions" takes. One generator for the console (People and devices) and the terminal
 * (`npm run --silent enrollment`), so that both give what the README's "Force-install and configure, by platform"
 * documents.
 */

/** The extension's id in Chromium browsers (fixed by the manifest's key). */
export const CHROME_EXTENSION_ID = 'akalfehckapncpenmnigfcjlihoodmne';
/** The Chrome Web Store's update URL; a self-hosted package has its own update manifest. */
export const WEB_STORE_UPDATE_URL = 'https://clients2.google.com/service/update2/crx';

export const PLATFORMS = ['linux', 'windows', 'macos', 'google-admin'] as const;
export type Platform = (typeof PLATFORMS)[number];

export interface EnrollmentInput {
  serverUrl: string;
  enrollmentToken: string;
  extensionId?: string;
  updateUrl?: string;
  /** The configuration profile's identifiers (macOS); new ones by default. */
  uuids?: [string, string, string];
}

export interface SettingsFile {
  platform: Platform;
  title: string;
  /** Where it goes, in words. */
  where: string;
  fileName: string;
  text: string;
}

export function enrollmentSettings(input: EnrollmentInput): SettingsFile[] {
  const id = input.extensionId ?? CHROME_EXTENSION_ID;
  const install = { installation_mode: 'force_installed', update_url: input.updateUrl ?? WEB_STORE_UPDATE_URL };
  const settings = { serverUrl: input.serverUrl.replace(/\/+$/, ''), enrollmentToken: input.enrollmentToken };
  return [
    {
      platform: 'linux',
      title: 'Linux (managed policy file)',
      where: 'Chrome: /etc/opt/chrome/policies/managed/bulwark.json; Chromium: /etc/chromium/policies/managed/bulwark.json',
      fileName: 'bulwark.json',
      text: `${JSON.stringify({ ExtensionSettings: { [id]: install }, '3rdparty': { extensions: { [id]: settings } } }, null, 2)}\n`,
    },
    {
      platform: 'windows',
      title: 'Windows (.reg file)',
      where: 'Double-click, or reg import bulwark.reg, or the same values by Group Policy (Edge: Microsoft\\Edge instead of Google\\Chrome)',
      fileName: 'bulwark.reg',
      text: windowsReg(id, install, settings),
    },
    {
      platform: 'macos',
      title: 'macOS (configuration profile)',
      where: 'Install it by your device management (MDM), or open it and approve it in System Settings',
      fileName: 'bulwark.mobileconfig',
      text: mobileconfig(id, install, settings, input.uuids ?? [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()]),
    },
    {
      platform: 'google-admin',
      title: 'Google Admin console (Policy for extensions)',
      where: `Devices > Chrome > Apps & extensions > Users & browsers: add the extension by ID ${id}, Installation policy Force install, and paste this into "Policy for extensions"`,
      fileName: 'policy-for-extensions.json',
      text: `${JSON.stringify({ serverUrl: { Value: settings.serverUrl }, enrollmentToken: { Value: settings.enrollmentToken }, user: { Value: '${user_email}' } }, null, 2)}\n`,
    },
  ];
}

const regString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

function windowsReg(id: string, install: object, settings: Record<string, string>): string {
  const chrome = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome';
  return [
    'Windows Registry Editor Version 5.00',
    '',
    `[${chrome}]`,
    `"ExtensionSettings"=${regString(JSON.stringify({ [id]: install }))}`,
    '',
    `[${chrome}\\3rdparty\\extensions\\${id}\\policy]`,
    ...Object.entries(settings).map(([k, v]) => `${regString(k)}=${regString(v)}`),
    '',
  ].join('\r\n');
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const entry = (key: string, value: string) => `<key>${xml(key)}</key><string>${xml(value)}</string>`;

function mobileconfig(id: string, install: Record<string, string>, settings: Record<string, string>, [profile, browser, extension]: [string, string, string]): string {
  const payload = (type: string, uuid: string, body: string) =>
    `    <dict>
      ${entry('PayloadType', type)}
      ${entry('PayloadIdentifier', `${type}.bulwark`)}
      ${entry('PayloadUUID', uuid)}
      <key>PayloadVersion</key><integer>1</integer>
${body}
    </dict>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
  <dict>
    ${entry('PayloadType', 'Configuration')}
    ${entry('PayloadDisplayName', 'Bulwark')}
    ${entry('PayloadIdentifier', 'org.bulwark-dlp.enrollment')}
    ${entry('PayloadUUID', profile)}
    <key>PayloadVersion</key><integer>1</integer>
    <key>PayloadContent</key>
    <array>
${payload(
  'com.google.Chrome',
  browser,
  `      <key>ExtensionSettings</key>
      <dict><key>${xml(id)}</key><dict>
        ${Object.entries(install)
          .map(([k, v]) => entry(k, v))
          .join('\n        ')}
      </dict></dict>`,
)}
${payload(
  `com.google.Chrome.extensions.${id}`,
  extension,
  Object.entries(settings)
    .map(([k, v]) => `      ${entry(k, v)}`)
    .join('\n'),
)}
    </array>
  </dict>
</plist>
`;
}
