/**
 * npm run --silent enrollment -- PLATFORM --server URL --token TOKEN [--extension-id ID] [--update-url URL]
 * PLATFORM: linux, windows, macos or google-admin. Prints the managed settings that force-install Bulwark and
 * enroll it with the server (the same as the console's People and devices gives); the token may also come from
 * BULWARK_ENROLLMENT_TOKEN, so that it stays out of the shell's history.
 */
import { parseArgs } from 'node:util';
import { enrollmentSettings, PLATFORMS, type Platform } from '../core/fleet/enrollment-settings';

const usage = `usage: npm run --silent enrollment -- ${PLATFORMS.join('|')} --server URL --token TOKEN [--extension-id ID] [--update-url URL]`;

try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { server: { type: 'string' }, token: { type: 'string' }, 'extension-id': { type: 'string' }, 'update-url': { type: 'string' } },
  });
  const platform = positionals[0] as Platform;
  const token = values.token ?? process.env.BULWARK_ENROLLMENT_TOKEN;
  if (!PLATFORMS.includes(platform) || !values.server || !token) throw new Error(usage);
  const file = enrollmentSettings({ serverUrl: values.server, enrollmentToken: token, extensionId: values['extension-id'], updateUrl: values['update-url'] }).find((f) => f.platform === platform)!;
  process.stderr.write(`${file.title}: ${file.where}\n`);
  process.stdout.write(file.text);
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(2);
}
