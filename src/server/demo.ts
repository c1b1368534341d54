import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { BulwarkEvent } from '../core/events/event';
import { DEFAULT_POLICY } from '../core/policy';
import { publishPolicy, type OrgKeys } from './org';
import { hashPassword, newToken, tokenHash } from './secrets';
import type { Store } from './store';

export interface DemoLogin {
  name: string;
  password: string;
  enrollmentToken: string;
}

/**
 * A demonstration organisation on first start: an admin, an enrollment token, the default policy as version 1,
 * and five weeks of made-up decisions (two people's volume jumps in the last week, for the insights page). The
 * login is kept in the data folder, readable by its owner only, so that later starts can print it again.
 */
export async function ensureDemo(store: Store, keys: OrgKeys, dataDir: string): Promise<DemoLogin> {
  const file = join(dataDir, 'demo-login.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DemoLogin;
  const login: DemoLogin = { name: 'admin', password: randomBytes(12).toString('base64url'), enrollmentToken: newToken('bwe') };
  if (!(await store.userByName(login.name))) await store.addUser(login.name, await hashPassword(login.password), 'admin');
  else await store.setPassword(login.name, await hashPassword(login.password));
  await store.addEnrollmentToken(tokenHash(login.enrollmentToken), 'demo', Date.now() + 365 * 86_400_000);
  if (!(await store.currentPolicy())) await publishPolicy(store, keys, DEFAULT_POLICY, 'admin', 'The bundled default policy');
  await store.addEvents(demoEvents());
  writeFileSync(file, JSON.stringify(login, null, 2));
  chmodSync(file, 0o600);
  return login;
}

const USERS = ['amelia.hart', 'ben.osei', 'chen.li', 'dana.kowalski', 'emil.novak', 'fatima.rahman', 'georg.weber', 'hana.sato', 'ivan.petrov', 'julia.costa'];
const DESTINATIONS: Array<[string, BulwarkEvent['destination']['categories']]> = [
  ['chatgpt.com', ['generative-ai']],
  ['claude.ai', ['generative-ai']],
  ['mail.google.com', ['webmail']],
  ['outlook.office.com', ['webmail']],
  ['www.dropbox.com', ['file-sharing']],
  ['app.slack.com', ['collaboration']],
];
const FINDINGS: BulwarkEvent['findings'][] = [
  [{ type: 'SSN', category: 'phi', count: 1, previews: ['•••-••-••21'], hashes: [] }],
  [{ type: 'MRN', category: 'phi', count: 3, previews: ['MRN•••••12'], hashes: [] }, { type: 'PERSON', category: 'phi', count: 3, previews: ['M•••a'], hashes: [] }],
  [{ type: 'EMAIL', category: 'pii', count: 14, previews: ['j•••@•••.com'], hashes: [] }],
  [{ type: 'SECRET', category: 'secret', count: 1, previews: ['AKI•••••••••••••••••'], hashes: [] }],
  [{ type: 'CREDIT_CARD', category: 'pii', count: 1, previews: ['4••• •••• •••• ••11'], hashes: [] }],
];

function demoEvents(now = Date.now()): BulwarkEvent[] {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const events: BulwarkEvent[] = [];
  for (let day = 34; day >= 0; day--)
    for (const user of USERS) {
      // Two people's volume jumps in the last week.
      const spike = day < 7 && (user === 'georg.weber' || user === 'hana.sato');
      const n = Math.floor(rand() * 3) + (spike ? 12 : 0);
      for (let i = 0; i < n; i++) {
        const [host, categories] = pick(DESTINATIONS);
        const channel = categories.includes('webmail') ? 'email-send' : categories.includes('generative-ai') ? pick(['paste', 'prompt-submit'] as const) : pick(['file-upload', 'paste'] as const);
        // As the guard decides: files and e-mails cannot be redacted, so a redact rule blocks them.
        const picked = pick(['audit', 'warn', 'warn', 'block', 'redact'] as const);
        const action = picked === 'redact' && (channel === 'file-upload' || channel === 'email-send') ? 'block' : picked;
        events.push({
          id: crypto.randomUUID(),
          time: new Date(now - day * 86_400_000 - Math.floor(rand() * 8 * 3_600_000)).toISOString(),
          device: { id: `laptop-${USERS.indexOf(user) + 100}`, user: `${user}@example-cmo.com` },
          browser: { name: 'Chrome', version: '150.0.7800.1' },
          extensionVersion: '0.1.0',
          policyVersion: 1,
          channel,
          destination: { host, categories },
          recipientDomains: channel === 'email-send' ? [pick(['partner-clinic.com', 'gmail.com', 'example-cmo.com'])] : [],
          file: channel === 'file-upload' ? { name: pick(['batch record BR-2291.pdf', 'stability results.xlsx', 'notes.txt']), type: 'application/octet-stream', size: Math.floor(rand() * 5e6) } : undefined,
          findings: pick(FINDINGS),
          rule: action === 'audit' ? undefined : pick(['phi-to-external', 'secrets-anywhere', 'pii-to-ai']),
          action,
          outcome: action === 'block' ? 'cancelled' : action === 'redact' ? 'redacted' : action === 'warn' && rand() < 0.3 ? 'cancelled' : 'sent',
          justification: action === 'warn' && rand() < 0.4 ? pick(['Sending to the sponsor as agreed in the quality agreement', 'Needed for the deviation investigation', 'Internal colleague']) : undefined,
        });
      }
    }
  return events;
}
