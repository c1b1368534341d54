import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ID, enrollmentSettings, WEB_STORE_UPDATE_URL, type Platform } from '../../../src/core/fleet/enrollment-settings';

// A server address with characters that each format must escape (&, <, > in XML; none of them break JSON or .reg).
const SERVER = 'https://dlp.example.com/bulwark?site=a&b=<1>';
const TOKEN = 'bwe_Xy-9_token';
const files = enrollmentSettings({ serverUrl: `${SERVER}/`.replace(/\/$/, ''), enrollmentToken: TOKEN });
const text = (p: Platform) => files.find((f) => f.platform === p)!.text;
const INSTALL = { installation_mode: 'force_installed', update_url: WEB_STORE_UPDATE_URL };

/** A property list read as Apple's format defines it: dict (key, value pairs), array, string, integer, true, false. */
function readPlist(source: string): unknown {
  const doc = new new Window().DOMParser().parseFromString(source, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) throw new Error(doc.documentElement.textContent ?? 'not XML');
  expect(doc.documentElement.tagName).toBe('plist');
  const value = (e: Element): unknown => {
    const kids = [...e.children];
    switch (e.tagName) {
      case 'dict': {
        expect(kids.length % 2).toBe(0);
        const out: Record<string, unknown> = {};
        for (let i = 0; i < kids.length; i += 2) {
          expect(kids[i]!.tagName).toBe('key');
          out[kids[i]!.textContent!] = value(kids[i + 1]!);
        }
        return out;
      }
      case 'array':
        return kids.map(value);
      case 'string':
        return e.textContent;
      case 'integer':
        expect(e.textContent).toMatch(/^-?\d+$/);
        return Number(e.textContent);
      case 'true':
      case 'false':
        return e.tagName === 'true';
      default:
        throw new Error(`not a plist element: ${e.tagName}`);
    }
  };
  expect(doc.documentElement.children).toHaveLength(1);
  return value(doc.documentElement.children[0] as unknown as Element);
}

/** A .reg file read as regedit does: sections, and "name"="value" (quotes and backslashes escaped) in each. */
function readReg(source: string): Record<string, Record<string, string>> {
  const lines = source.split('\r\n');
  expect(lines[0]).toBe('Windows Registry Editor Version 5.00');
  const out: Record<string, Record<string, string>> = {};
  let section: Record<string, string> | undefined;
  for (const line of lines.slice(1).filter(Boolean)) {
    const key = line.match(/^\[(.+)\]$/);
    if (key) {
      section = out[key[1]!] = {};
      continue;
    }
    const pair = line.match(/^"((?:[^"\\]|\\.)*)"="((?:[^"\\]|\\.)*)"$/);
    if (!pair || !section) throw new Error(`not a .reg line: ${line}`);
    const unescape = (s: string) => s.replace(/\\(.)/g, '$1');
    section[unescape(pair[1]!)] = unescape(pair[2]!);
  }
  return out;
}

describe('enrollment settings, by platform', () => {
  it('Linux: a managed policy JSON file that force-installs and enrolls', () => {
    expect(JSON.parse(text('linux'))).toEqual({
      ExtensionSettings: { [CHROME_EXTENSION_ID]: INSTALL },
      '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: { serverUrl: SERVER, enrollmentToken: TOKEN } } },
    });
  });

  it('Windows: a .reg file with ExtensionSettings as JSON and the extension policy key', () => {
    const reg = readReg(text('windows'));
    const chrome = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome';
    expect(Object.keys(reg)).toEqual([chrome, `${chrome}\\3rdparty\\extensions\\${CHROME_EXTENSION_ID}\\policy`]);
    expect(JSON.parse(reg[chrome]!.ExtensionSettings!)).toEqual({ [CHROME_EXTENSION_ID]: INSTALL });
    expect(reg[`${chrome}\\3rdparty\\extensions\\${CHROME_EXTENSION_ID}\\policy`]).toEqual({ serverUrl: SERVER, enrollmentToken: TOKEN });
  });

  it('macOS: a valid configuration profile with the browser payload and the extension payload', () => {
    const profile = readPlist(text('macos')) as { PayloadType: string; PayloadUUID: string; PayloadContent: Array<Record<string, unknown>> };
    expect(profile).toMatchObject({ PayloadType: 'Configuration', PayloadVersion: 1 });
    const [browser, extension] = profile.PayloadContent;
    expect(browser).toMatchObject({ PayloadType: 'com.google.Chrome', PayloadVersion: 1, ExtensionSettings: { [CHROME_EXTENSION_ID]: INSTALL } });
    expect(extension).toMatchObject({ PayloadType: `com.google.Chrome.extensions.${CHROME_EXTENSION_ID}`, serverUrl: SERVER, enrollmentToken: TOKEN });
    const uuids = [profile.PayloadUUID, browser!.PayloadUUID, extension!.PayloadUUID];
    for (const u of uuids) expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new Set(uuids).size).toBe(3);
  });

  it('Google Admin: the "Policy for extensions" JSON, each setting under Value', () => {
    expect(JSON.parse(text('google-admin'))).toEqual({ serverUrl: { Value: SERVER }, enrollmentToken: { Value: TOKEN }, user: { Value: '${user_email}' } });
  });

  it('a trailing slash of the server address is dropped; another extension id and update URL are used everywhere', () => {
    const other = enrollmentSettings({ serverUrl: 'https://dlp.example.com/', enrollmentToken: TOKEN, extensionId: 'abcdefghijklmnopabcdefghijklmnop', updateUrl: 'https://dlp.example.com/updates.xml' });
    for (const f of other) {
      expect(f.text).not.toContain(CHROME_EXTENSION_ID);
      expect(f.text).not.toContain('https://dlp.example.com/"');
    }
    expect(JSON.parse(other[0]!.text).ExtensionSettings.abcdefghijklmnopabcdefghijklmnop.update_url).toBe('https://dlp.example.com/updates.xml');
  });
});
