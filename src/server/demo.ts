import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { BulwarkEvent } from '../core/events/event';
import { importHashKey, keyedHash, normaliseValue } from '../core/events/hash';
import { DEFAULT_POLICY } from '../core/policy';
import type { Partner } from '../core/policy/partners';
import { fromBase64 } from '../core/policy/signature';
import { publishPolicy, republishWithRegister, type OrgKeys } from './org';
import { grantOf } from './requests/routes';
import { DocumentUpload, ProtectedData, TableUpload } from './protected';
import { hashPassword, newToken, tokenHash } from './secrets';
import type { Store } from './store';

const INTERNAL_DOMAIN = 'example-cmo.com';
const DAY_MS = 86_400_000;

export interface DemoLogin {
  name: string;
  password: string;
  enrollmentToken: string;
}

/**
 * A demonstration organisation on first start: an admin, an enrollment token, a third-party register (a clinic
 * whose BAA ends within the month, a CRO with a BAA, a packaging supplier with a confidentiality agreement only),
 * two teams (for coaching), the default policy as version 1 (with two rules on the demo's protected data: a small patient table and a
 * cleaning procedure, and one that blocks PHI to a partner without a BAA),
 * five weeks of made-up decisions by those rules (two people's volume jumps in the last week, for the insights page)
 * and their incidents, the older ones closed, some recent ones under investigation, and employees' requests made
 * from the dialog (two open, one exception granted, one false-positive report rejected). The
 * login is kept in the data folder, readable by its owner only, so that later starts can print it again.
 */
export async function ensureDemo(store: Store, keys: OrgKeys, dataDir: string): Promise<DemoLogin> {
  const file = join(dataDir, 'demo-login.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DemoLogin;
  const login: DemoLogin = { name: 'admin', password: randomBytes(12).toString('base64url'), enrollmentToken: newToken('bwe') };
  if (!(await store.userByName(login.name))) await store.addUser(login.name, await hashPassword(login.password), 'admin');
  else await store.setPassword(login.name, await hashPassword(login.password));
  await store.addEnrollmentToken(tokenHash(login.enrollmentToken), 'demo', Date.now() + 365 * 86_400_000);
  if (!(await store.partners.list()).length) await store.partners.put(demoPartners(), 'admin', 'import');
  if (!(await store.coaching.teams()).members.length) await store.coaching.putTeams(demoTeams(Date.now()), 'admin');
  if (!(await store.currentPolicy())) await publishPolicy(store, keys, DEMO_POLICY, 'admin', 'The bundled default policy, with rules on the demo protected data and the third-party register');
  const protectedData = new ProtectedData(store, keys);
  await protectedData.uploadTable(TableUpload.parse(DEMO_TABLE), 'admin');
  await protectedData.addDocument(DocumentUpload.parse(DEMO_DOCUMENT), 'admin');
  // The demo patient's MRN is hashed as a device would: Find an identifier finds where it went.
  const events = demoEvents(Date.now(), await keyedHash(await importHashKey(fromBase64(keys.hashKey)), normaliseValue(DEMO_MRN)));
  const asked = askDemoRequests(events);
  await store.addEvents(events);
  await triageDemo(store);
  await decideDemoRequests(store, keys, asked);
  writeFileSync(file, JSON.stringify(login, null, 2));
  chmodSync(file, 0o600);
  return login;
}

/** Made-up people in a made-up table, and a made-up procedure: enroll a browser and paste a row or a step to see them caught. */
const DEMO_TABLE = {
  id: 'patients',
  name: 'Demo patients',
  columns: [{ name: 'name', kind: 'text' }, { name: 'date_of_birth', kind: 'date' }, { name: 'mrn', kind: 'id' }],
  combos: [['name', 'date_of_birth'], ['mrn']],
  csv: 'name,date_of_birth,mrn\nMaria Gonzalez,1961-04-12,MRN-0048213\nTomasz Nowak,1975-11-03,MRN-0051177\nAiko Tanaka,1988-02-29,MRN-0060042\n',
};
const DEMO_DOCUMENT = {
  set: 'sops',
  setName: 'Standard operating procedures',
  name: 'SOP-017 Cleaning of the granulator',
  text: `Scope: this procedure applies to the high shear granulator in suite four after every product changeover.
Disconnect the unit, lock out the main isolator and confirm zero energy with the supervisor before opening the bowl.
Remove the chopper and impeller, soak both in the alkaline detergent at sixty degrees for twenty minutes, then rinse
with purified water until the final rinse conductivity stays below one point three microsiemens per centimetre.
Swab the bowl at the six marked locations, place the swabs in the labelled tubes and send them to the laboratory for
total organic carbon analysis within four hours. Record the detergent lot, the rinse volumes and the swab results in
the equipment logbook, and attach the laboratory report to the cleaning record before the unit is released.`,
};
const DEMO_POLICY = {
  ...DEFAULT_POLICY,
  internalDomains: [INTERNAL_DOMAIN],
  // Listed first: among rules of equal strength, the first decides, and these say more than the defaults.
  rules: [
    { id: 'demo-patient-records', description: 'Rows of the demo patient table (Protected data).', match: { classifiers: ['patients'] }, action: 'block' as const, severity: 'critical' as const },
    { id: 'demo-procedures', description: 'Passages of the demo procedures, at least 70% copied.', match: { classifiers: ['sops'], minScore: 0.7 }, action: 'warn' as const, requireJustification: true },
    { id: 'demo-phi-without-baa', description: 'PHI to a partner that has no business associate agreement in force.', match: { categories: ['phi' as const], party: { is: 'uncovered' as const, agreements: ['baa' as const] } }, action: 'block' as const },
    { id: 'demo-cards-to-ai', description: 'Card numbers are taken out of what goes into an AI assistant.', match: { entityTypes: ['CREDIT_CARD' as const], destinations: ['generative-ai' as const] }, action: 'redact' as const },
    ...DEFAULT_POLICY.rules,
  ],
};

function demoPartners(now = Date.now()): Partner[] {
  const inDays = (n: number) => new Date(now + n * DAY_MS).toISOString().slice(0, 10);
  return [
    {
      id: 'partner-clinic',
      name: 'Partner Clinic (trial site 04)',
      kind: 'client',
      owner: `qa.lead@${INTERNAL_DOMAIN}`,
      domains: ['partner-clinic.com'],
      hosts: ['portal.partner-clinic.com'],
      agreements: [
        { kind: 'baa', categories: ['phi'], expires: inDays(21), reference: 'QA-AGR-0112' },
        { kind: 'dpa', categories: ['pii', 'phi'], expires: inDays(400), reference: 'DPO-AGR-0031' },
      ],
    },
    { id: 'northwind-cro', name: 'Northwind CRO', kind: 'cro', owner: `clinical.ops@${INTERNAL_DOMAIN}`, domains: ['northwind-cro.com'], hosts: [], agreements: [{ kind: 'baa', categories: ['phi', 'pii'], expires: inDays(600) }, { kind: 'quality', categories: ['ip'] }] },
    { id: 'vialco', name: 'Vialco Packaging', kind: 'supplier', owner: `purchasing@${INTERNAL_DOMAIN}`, domains: ['vialco.de'], hosts: [], agreements: [{ kind: 'confidentiality', categories: ['ip', 'secret'], expires: inDays(200) }] },
  ];
}

const USERS = ['amelia.hart', 'ben.osei', 'chen.li', 'dana.kowalski', 'emil.novak', 'fatima.rahman', 'georg.weber', 'hana.sato', 'ivan.petrov', 'julia.costa'];
/** Two teams for the coaching view; the first trained two weeks ago. */
const demoTeams = (now: number) => ({
  members: USERS.map((u, i) => ({ user: `${u}@${INTERNAL_DOMAIN}`, team: i < 5 ? 'Formulation' : 'Quality control' })),
  trainings: [{ team: 'Formulation', day: new Date(now - 14 * 86_400_000).toISOString().slice(0, 10) }],
});
const DESTINATIONS: Array<[string, BulwarkEvent['destination']['categories']]> = [
  ['chatgpt.com', ['generative-ai']],
  ['claude.ai', ['generative-ai']],
  ['mail.google.com', ['webmail']],
  ['outlook.office.com', ['webmail']],
  ['www.dropbox.com', ['file-sharing']],
  ['app.slack.com', ['collaboration']],
];

/** What the demo policy decides for what was found, by rule: the demo's events are the ones its rules would make. */
interface Scenario {
  rule: string;
  action: BulwarkEvent['action'];
  findings: BulwarkEvent['findings'];
  /** Only into AI assistants (true), only elsewhere (false), or anywhere. */
  ai?: boolean;
  justify?: boolean;
}
const SSN: BulwarkEvent['findings'] = [{ type: 'SSN', category: 'phi', count: 1, previews: ['•••-••-••21'], hashes: [] }];
const SECRET: BulwarkEvent['findings'] = [{ type: 'SECRET', category: 'secret', count: 1, previews: ['AKI•••••••••••••••••'], hashes: [] }];
const SCENARIOS: Scenario[] = [
  { rule: 'audit-pii', action: 'audit', findings: [{ type: 'EMAIL', category: 'pii', count: 14, previews: ['j•••@•••••••.•om'], hashes: [] }] },
  { rule: 'warn-phi', action: 'warn', findings: SSN },
  { rule: 'warn-phi', action: 'warn', findings: [{ type: 'MRN', category: 'phi', count: 3, previews: ['M••-•••••13'], hashes: [] }, { type: 'PERSON', category: 'phi', count: 3, previews: ['M•••a'], hashes: [] }] },
  { rule: 'demo-patient-records', action: 'block', findings: [{ type: 'EDM_MATCH', category: 'pii', count: 2, previews: ['M••••• G••••••z'], hashes: [] }] },
  { rule: 'secrets-to-generative-ai', action: 'block', findings: SECRET, ai: true },
  { rule: 'warn-secrets', action: 'warn', findings: SECRET, ai: false },
  { rule: 'demo-cards-to-ai', action: 'redact', findings: [{ type: 'CREDIT_CARD', category: 'pii', count: 1, previews: ['4••• •••• •••• ••11'], hashes: [] }], ai: true },
  { rule: 'ip-to-generative-ai', action: 'warn', findings: [{ type: 'SOURCE_CODE', category: 'ip', count: 1, previews: ['i••••• ••••• •• ••'], hashes: [] }], ai: true, justify: true },
  { rule: 'demo-procedures', action: 'warn', findings: [{ type: 'DOCUMENT_MATCH', category: 'ip', count: 1, previews: ['R••••• t•• c••••••'], hashes: [] }], justify: true },
];
const JUSTIFICATIONS = ['Sending to the sponsor as agreed in the quality agreement', 'Needed for the deviation investigation', 'Internal colleague'];

/** A patient of the demo table, whose MRN the demo's MRN findings carry (by its keyed hash). */
export const DEMO_MRN = 'MRN-0048213';

function demoEvents(now: number, mrnHash: string): BulwarkEvent[] {
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
        const ai = categories.includes('generative-ai');
        const channel = categories.includes('webmail') ? 'email-send' : ai ? pick(['paste', 'prompt-submit'] as const) : pick(['file-upload', 'paste'] as const);
        const recipients = channel === 'email-send' ? [pick(['partner-clinic.com', 'northwind-cro.com', 'vialco.de', 'gmail.com', INTERNAL_DOMAIN])] : [];
        const scenario = pick(SCENARIOS.filter((s) => s.ai === undefined || s.ai === ai));
        // PHI to the supplier, which has no BAA: the register's rule blocks it (block beats the others).
        const { rule, action, findings, justify } = recipients[0] === 'vialco.de' && scenario.findings.some((f) => f.category === 'phi') ? { ...scenario, rule: 'demo-phi-without-baa', action: 'block' as const } : scenario;
        const outcome = action === 'block' ? 'cancelled' : action === 'redact' ? 'redacted' : action === 'warn' && rand() < 0.3 ? 'cancelled' : 'sent';
        const justified = action === 'warn' && outcome === 'sent' && (justify || rand() < 0.4);
        events.push({
          id: crypto.randomUUID(),
          time: new Date(now - day * DAY_MS - Math.floor(rand() * 8 * 3_600_000)).toISOString(),
          device: { id: `laptop-${USERS.indexOf(user) + 100}`, user: `${user}@${INTERNAL_DOMAIN}` },
          browser: { name: 'Chrome', version: '150.0.7800.1' },
          extensionVersion: '0.1.0',
          policyVersion: 1,
          channel,
          destination: { host, categories },
          recipientDomains: recipients,
          file: channel === 'file-upload' ? { name: pick(['batch record BR-2291.pdf', 'stability results.xlsx', 'notes.txt']), type: 'application/octet-stream', size: Math.floor(rand() * 5e6) } : undefined,
          findings: findings.map((f) => (f.type === 'MRN' ? { ...f, hashes: [mrnHash] } : f)),
          rule,
          action,
          outcome,
          justification: justified ? pick(JUSTIFICATIONS) : undefined,
        });
      }
    }
  return events;
}

/** What the demo's security team did: older incidents closed (each way), some recent ones under investigation. */
const CLOSINGS = [
  { status: 'resolved', verdict: 'The employee was reminded of the data handling procedure' },
  { status: 'false_positive', verdict: 'Test data from the validation environment' },
  { status: 'accepted_risk', verdict: 'Agreed transfer under the quality agreement' },
] as const;

async function triageDemo(store: Store, now = Date.now()): Promise<void> {
  const { incidents } = await store.incidents.list({}, 500);
  const older = incidents.filter((i) => now - i.lastEventMs > 7 * 86_400_000);
  const recent = incidents.filter((i) => now - i.lastEventMs <= 7 * 86_400_000);
  for (const [k, change] of CLOSINGS.entries()) {
    const ids = older.filter((_, n) => n % 4 === k).map((i) => i.id);
    if (ids.length) await store.incidents.change(ids, { ...change, owner: 'admin' }, 'admin');
  }
  const investigating = recent.filter((_, n) => n % 3 === 0).map((i) => i.id);
  if (investigating.length) await store.incidents.change(investigating, { status: 'investigating', owner: 'admin' }, 'admin');
  for (const id of investigating.slice(0, 5)) await store.incidents.comment(id, 'admin', 'Asked the employee and their manager what the transfer was for.');
}

/**
 * Employees' requests on some of the demo's warnings, as the browser's dialog sends them (inside the event): the
 * newest are left open (an exception for the values found, a "this isn't sensitive" report), older ones decided
 * by decideDemoRequests. Answers the ids by what becomes of them.
 */
function askDemoRequests(events: BulwarkEvent[]): { granted?: string; rejected?: string } {
  const warnings = events.filter((e) => e.action === 'warn').sort((a, b) => b.time.localeCompare(a.time));
  const first = (f: (e: BulwarkEvent) => boolean) => warnings.find((e) => !e.request && f(e));
  const withMrn = first((e) => e.rule === 'warn-phi' && e.findings.some((f) => f.hashes.length > 0));
  if (withMrn) withMrn.request = { kind: 'exception', reason: 'Sending the monthly enrolment list to the trial site, as agreed with QA', scope: { thisHostOnly: true, theseValuesOnly: true, days: 14 } };
  const code = first((e) => e.rule === 'ip-to-generative-ai');
  if (code) code.request = { kind: 'false-positive', reason: 'This is the sample code from our public website' };
  const older = (e: BulwarkEvent) => Date.parse(e.time) < Date.now() - 3 * DAY_MS;
  const granted = first((e) => older(e) && e.rule === 'warn-phi');
  if (granted) granted.request = { kind: 'exception', reason: 'Deviation investigation with the sponsor this week', scope: { thisHostOnly: true, theseValuesOnly: false, days: 7 } };
  const rejected = first((e) => older(e) && e.rule === 'warn-secrets');
  if (rejected) rejected.request = { kind: 'false-positive', reason: 'It is only a test key' };
  return { granted: granted?.id, rejected: rejected?.id };
}

/** The demo's security team granted one exception as asked (published in the policy) and rejected one report. */
async function decideDemoRequests(store: Store, keys: OrgKeys, asked: { granted?: string; rejected?: string }): Promise<void> {
  const toGrant = asked.granted && (await store.requests.get(asked.granted));
  if (toGrant) {
    const made = grantOf(toGrant, {});
    if (made.ok) {
      await store.requests.decide(toGrant.id, { status: 'approved', answer: 'Approved for the investigation; it ends in a week.', grant: made.grant }, 'admin');
      await republishWithRegister(store, keys, 'admin', `Exception granted on request ${toGrant.id}`);
    }
  }
  if (asked.rejected) await store.requests.decide(asked.rejected, { status: 'rejected', answer: 'Test keys open our test systems: keep them out of chat.' }, 'admin');
}
