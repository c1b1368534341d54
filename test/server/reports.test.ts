import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { redactFreeText, type BulwarkEvent } from '../../src/core/events/event';
import { DEFAULT_POLICY } from '../../src/core/policy';
import type { Partner } from '../../src/core/policy/partners';
import { orgKeys, publishPolicy, type OrgKeys } from '../../src/server/org';
import { generateReport, verifyReport, type Report } from '../../src/server/reports';
import { tokenHash } from '../../src/server/secrets';
import { openStore, type Store } from '../../src/server/store';
import { keepMonthlyReports, previousMonth } from '../../src/server/reports/schedule';
import type { KeptReport } from '../../src/server/store/reports';
import { DATABASES, freshDatabase, makeEvent, startBackend, type TestBackend } from './harness';
import { startPostgres, type TestPostgres } from './postgres';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
/** The command line as an administrator runs it (node with tsx, as `npm run server --` does). */
const cli = (args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/cli/server.ts', ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, encoding: 'buffer' });

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

// Raw values planted in what employees wrote: the events keep them redacted, and no report may hold them.
const RAW = ['219-09-9999', 'MRN-0048213', '4111 1111 1111 1111'];
const JUSTIFICATION = redactFreeText(`Sending SSN ${RAW[0]} and mrn ${RAW[1]} to the clinic, card ${RAW[2]}`);
const HASH = 'ab'.repeat(32);

const PARTNERS: Partner[] = [
  { id: 'clinic', name: 'Lakeside Clinic', kind: 'client', owner: 'qa@cdmo.example', domains: ['lakeside-clinic.com'], hosts: [], agreements: [{ kind: 'baa', categories: ['phi'], expires: '2026-11-20' }] },
  { id: 'vialco', name: 'Vialco', kind: 'supplier', owner: 'buyer@cdmo.example', domains: ['vialco.de'], hosts: ['upload.vialco.de'], agreements: [] },
];
const phi = (count: number): BulwarkEvent['findings'] => [{ type: 'SSN', category: 'phi', count, previews: ['•••-••-••99'], hashes: [HASH] }];
const at = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const PLANTED: BulwarkEvent[] = [
  makeEvent({ time: at('2026-11-02', 9), channel: 'email-send', destination: { host: 'mail.google.com', categories: ['webmail'] }, recipientDomains: ['mail.lakeside-clinic.com'], findings: phi(2), rule: 'warn-phi', action: 'warn', outcome: 'sent', justification: JUSTIFICATION, request: { kind: 'exception', reason: 'Monthly results to the clinic', scope: { thisHostOnly: true, theseValuesOnly: false, days: 14 } } }),
  makeEvent({ time: at('2026-11-03', 9), channel: 'email-send', destination: { host: 'mail.google.com', categories: ['webmail'] }, recipientDomains: ['vialco.de', 'gmail.com'], findings: phi(1), rule: 'phi-without-baa', action: 'block', outcome: 'cancelled' }),
  makeEvent({ time: at('2026-11-04', 9), channel: 'file-upload', destination: { host: 'upload.vialco.de', categories: ['unknown'] }, findings: [{ type: 'SOURCE_CODE', category: 'ip', count: 1, previews: [], hashes: [] }], rule: 'ip-to-generative-ai', action: 'audit', outcome: 'sent' }),
  makeEvent({ time: at('2026-11-05', 9), findings: phi(3), action: 'block', outcome: 'cancelled' }),
  makeEvent({ time: at('2026-11-06', 9), destination: { host: 'chatgpt.com', categories: ['generative-ai'] }, findings: [{ type: 'CREDIT_CARD', category: 'pii', count: 1, previews: [], hashes: [] }], rule: 'cards', action: 'redact', outcome: 'redacted' }),
  makeEvent({ time: at('2026-11-29', 23), device: { id: 'second-device', user: 'bob@cdmo.example' }, channel: 'email-send', destination: { host: 'outlook.office.com', categories: ['webmail'] }, recipientDomains: ['gmail.com', 'cdmo.example'], findings: phi(1), rule: 'warn-phi', action: 'warn', outcome: 'sent', justification: JUSTIFICATION, request: { kind: 'false-positive' } }),
  // Outside the period (before and after): not counted.
  makeEvent({ time: at('2026-10-31', 23), findings: phi(5), outcome: 'sent', action: 'warn', request: { kind: 'false-positive' } }),
  makeEvent({ time: at('2026-12-01', 0), findings: phi(5), outcome: 'sent', action: 'warn' }),
];
const IN_PERIOD = PLANTED.slice(0, 6);

/** The expected figures, counted here from the planted events. */
function oracle() {
  const count = (f: (e: BulwarkEvent) => boolean) => IN_PERIOD.filter(f).length;
  const values = (c: string) => IN_PERIOD.flatMap((e) => e.findings).filter((f) => f.category === c).reduce((n, f) => n + f.count, 0);
  return {
    total: IN_PERIOD.length,
    blocked: count((e) => e.action === 'block'),
    overridden: count((e) => e.action === 'warn' && e.outcome === 'sent'),
    redacted: count((e) => e.outcome === 'redacted'),
    left: count((e) => e.outcome === 'sent'),
    phiValues: values('phi'),
    emails: count((e) => e.channel === 'email-send'),
  };
}

describe.each(DATABASES)('compliance reports on %s', (kind) => {
  let store: Store;
  let keys: OrgKeys;
  let where: string[];
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-report-'));
  beforeAll(async () => {
    where = kind === 'sqlite' ? ['--data', join(dir, 'data')] : ['--postgres', await freshDatabase(pg)];
    store = await openStore(kind === 'sqlite' ? { dataDir: join(dir, 'data') } : { dataDir: dir, postgresUrl: where[1] });
    keys = await orgKeys(store);
    await store.partners.put(PARTNERS, 'qa-lead', 'import');
    await publishPolicy(store, keys, { ...DEFAULT_POLICY, internalDomains: ['cdmo.example'] }, 'qa-lead', 'first policy');
    await store.enrollDevice('device-under-test', tokenHash('bwd_a'), 'alice@cdmo.example');
    await store.enrollDevice('second-device', tokenHash('bwd_b'), 'bob@cdmo.example');
    await store.enrollDevice('silent-device', tokenHash('bwd_c'), 'carol@cdmo.example');
    // Enrolled before the period; the first one reported 4 events lost to a full queue.
    await store.db.run('UPDATE devices SET enrolled_ms = ?', [Date.parse('2026-10-01T00:00:00Z')]);
    await store.deviceSeen('device-under-test', 4);
    await store.addEvents(PLANTED);
    // Alice's exception request is granted as asked on 3 November; Bob's false-positive report rejected (an exception that ended since).
    await store.requests.decide(PLANTED[0]!.id, { status: 'approved', grant: { id: PLANTED[0]!.id, user: 'alice@cdmo.example', host: 'mail.google.com', rule: 'warn-phi', expiresAt: '2026-11-17T10:00:00.000Z' } }, 'qa-lead', Date.parse('2026-11-03T10:00:00Z'));
    await store.requests.decide(PLANTED[5]!.id, { status: 'rejected', answer: 'Gmail is outside the organisation.' }, 'analyst', Date.parse('2026-11-30T08:00:00Z'));
    // The first device's user is in a team (written here without its audit entry: the next test counts the trail).
    await store.db.run('INSERT INTO coaching_members (user_name, team) VALUES (?, ?)', [PLANTED[0]!.device.user!, 'Formulation']);
    for (const raw of RAW) expect(JSON.stringify(PLANTED)).not.toContain(raw);
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const args = ['--from', '2026-11-01', '--to', '2026-11-30', '--profile', 'hipaa'];

  it('answers JSON on standard output with the sections asked for, matching figures counted from the events', async () => {
    const { stdout } = await cli(['report', ...where, ...args]);
    const report = JSON.parse(stdout.toString('utf8')) as Report & { signature: { value: string; publicKey: string } };
    expect(Object.keys(report)).toEqual(['period', 'profile', 'summary', 'partners', 'unknownRecipients', 'overrides', 'exceptions', 'policyChanges', 'coverage', 'auditTrail', 'coaching', 'signature']);
    const o = oracle();
    expect(report.period).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
    expect(report.profile).toMatchObject({ id: 'hipaa', focus: ['phi'] });
    expect(report.summary).toMatchObject({ total: o.total, blocked: o.blocked, overridden: o.overridden, redacted: o.redacted, left: o.left });
    expect(report.summary.byCategory.phi.values).toBe(o.phiValues);
    expect(report.summary.byChannel['email-send']).toBe(o.emails);
    expect(report.partners.map((p) => [p.id, p.events, p.sent, p.blocked, p.received.phi, p.received.ip])).toEqual([
      ['clinic', 1, 1, 0, 2, 0],
      ['vialco', 2, 1, 1, 0, 1],
    ]);
    // The clinic's BAA ended within the period.
    expect(report.partners[0]!.agreements[0]!.standing).toBe('expired');
    expect(report.unknownRecipients.map((u) => [u.party, u.events])).toEqual([
      ['chatgpt.com', 2],
      ['gmail.com', 2],
    ]);
    expect(report.overrides.map((x) => [x.id, x.partners, x.justification])).toEqual([
      [IN_PERIOD[0]!.id, ['clinic'], JUSTIFICATION],
      [IN_PERIOD[5]!.id, [], JUSTIFICATION],
    ]);
    // Employees' requests of the period: Alice's exception granted, Bob's false-positive report rejected; October's not counted.
    expect(report.exceptions.counts).toEqual({ asked: 2, exceptionsAsked: 1, falsePositivesReported: 1, approved: 1, rejected: 1, open: 0 });
    expect(report.exceptions.granted).toEqual([
      { request: PLANTED[0]!.id, user: 'alice@cdmo.example', rule: 'warn-phi', host: 'mail.google.com', values: 'all', asked: 'this host, everything the rule finds, 14 days', grantedAt: '2026-11-03T10:00:00.000Z', expiresAt: '2026-11-17T10:00:00.000Z', approvedBy: 'qa-lead', state: 'expired' },
    ]);
    expect(report.exceptions.falsePositives).toEqual([
      { request: PLANTED[5]!.id, time: PLANTED[5]!.time, user: 'bob@cdmo.example', rule: 'warn-phi', host: 'outlook.office.com', types: ['SSN'], status: 'rejected', decidedBy: 'analyst', letThrough: false },
    ]);
    expect(report.exceptions).toMatchObject({ acceptedRiskVerdicts: [], falsePositiveVerdicts: [] });
    expect(report.exceptions.note).not.toMatch(/cannot|not yet/);
    // Nothing was published in November (the policy came today): no version in force, no change.
    expect(report.policyChanges).toEqual({ inForce: [], changes: [] });
    expect(report.coverage).toMatchObject({ enrolled: 3, reporting: 2, stale: 2, onOldPolicy: 0, eventsLost: 4 });
    expect(report.auditTrail).toMatchObject({ verified: true });
    expect(report.auditTrail.head).toMatch(/^[0-9a-f]{64}$/);
    const warned = (f: (e: BulwarkEvent) => boolean) => IN_PERIOD.filter((e) => e.action === 'warn' && f(e));
    const formulation = warned((e) => e.device.user === PLANTED[0]!.device.user), others = warned((e) => e.device.user !== PLANTED[0]!.device.user);
    expect(formulation.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(0);
    // Bob's false-positive report counts in coaching, though it was rejected.
    expect(others.filter((e) => e.request?.kind === 'false-positive')).toHaveLength(1);
    expect(report.coaching.teams.map((t) => [t.team, t.people, t.warnings, t.cancelled, t.overridden, t.falsePositives]).sort()).toEqual(
      [
        ['(no team)', new Set(others.map((e) => e.device.user)).size, others.length, others.filter((e) => e.outcome === 'cancelled').length, others.filter((e) => e.outcome === 'sent').length, others.filter((e) => e.request?.kind === 'false-positive').length],
        ['Formulation', 1, formulation.length, formulation.filter((e) => e.outcome === 'cancelled').length, formulation.filter((e) => e.outcome === 'sent').length, 0],
      ].sort(),
    );
    expect(report.signature.publicKey).toBe(keys.signingPublicKey);
    expect(report.signature.value).toMatch(/^ed25519:[A-Za-z0-9+/]{86}==$/);
  });

  it('lists the policy versions in force and every change of the period, with who and when', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const report = JSON.parse(Buffer.from(await generateReport(store, keys, { from: today, to: today, profile: 'generic', format: 'json' })).toString('utf8')) as Report;
    expect(report.policyChanges.inForce).toEqual([{ version: 1, publishedAt: expect.stringMatching(new RegExp(`^${today}T`)), publishedBy: 'qa-lead', note: 'first policy' }]);
    expect(report.policyChanges.changes.map((c) => [c.actor, c.action, c.target])).toEqual([
      ['qa-lead', 'partner.import', 'partners: 2'],
      ['qa-lead', 'policy.publish', 'policy v1'],
      ['qa-lead', 'request.approve', `request:${PLANTED[0]!.id}`],
      ['analyst', 'request.reject', `request:${PLANTED[5]!.id}`],
    ]);
    expect(report.auditTrail).toMatchObject({ verified: true, entries: 4, entriesInPeriod: 4 });
  });

  it('renders PDF, HTML and CSV that verify-report accepts, holding the totals and no planted raw value; a changed byte is refused', async () => {
    const out = join(dir, 'report.pdf');
    await cli(['report', ...where, ...args, '--format', 'pdf', '--out', out]);
    const files: Record<string, Uint8Array> = { pdf: readFileSync(out) };
    for (const format of ['json', 'html', 'csv'] as const) files[format] = await generateReport(store, keys, { from: '2026-11-01', to: '2026-11-30', profile: 'hipaa', format });
    const doc = await pdfjs.getDocument({ data: Uint8Array.from(files.pdf!), verbosity: 0 }).promise;
    let pdfText = '';
    for (let i = 1; i <= doc.numPages; i++) pdfText += `${((await (await doc.getPage(i)).getTextContent()).items as Array<{ str: string }>).map((t) => t.str).join('\n')}\n`;
    expect(pdfText).toContain(`total: ${IN_PERIOD.length}`);
    expect(pdfText).toContain(`overridden: ${oracle().overridden}`);
    expect(pdfText).toContain('Lakeside Clinic');
    expect(pdfText).toContain('team: Formulation');
    const html = Buffer.from(files.html!).toString('utf8');
    expect(html).toMatch(/<th>total<\/th><td class="n">6<\/td>/);
    expect(html).not.toMatch(/<script|<link|src=/);
    expect(Buffer.from(files.csv!).toString('utf8')).toContain('summary,,total,6');
    for (const [format, bytes] of Object.entries(files)) {
      const text = Buffer.from(bytes).toString('latin1');
      for (const raw of [...RAW, HASH]) expect(text, `${format} holds ${raw}`).not.toContain(raw);
      expect(await verifyReport(bytes, keys), format).toEqual({ ok: true });
      const changed = Uint8Array.from(bytes);
      const i = Math.floor(changed.length / 2);
      changed[i] = changed[i]! ^ 1;
      expect((await verifyReport(changed, keys)).ok, `${format} with a changed byte`).toBe(false);
    }
    await expect(cli(['verify-report', out, ...where])).resolves.toMatchObject({ stdout: expect.anything() });
    const tampered = join(dir, 'tampered.csv');
    writeFileSync(tampered, Buffer.from(files.csv!).toString('utf8').replace('summary,,total,6', 'summary,,total,5'));
    await expect(cli(['verify-report', tampered, ...where])).rejects.toMatchObject({ code: 1 });
  });
});

describe.each(DATABASES)('reports made every month and kept, on %s', (kind) => {
  let b: TestBackend;
  beforeAll(async () => {
    b = await startBackend(kind, pg);
  });
  afterAll(() => b?.close());

  it("makes last month's reports at start, keeps one of each, and lists them for download to those who read the audit trail", async () => {
    const month = previousMonth(Date.now());
    expect(previousMonth(Date.parse('2026-01-15T12:00:00Z'))).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    await expect.poll(async () => (await b.server.store.reports.list()).length, { timeout: 20_000 }).toBe(2);
    expect(await keepMonthlyReports(b.server.store, b.server.keys, { schedule: 'monthly', profiles: ['generic'], formats: ['pdf', 'json'] })).toEqual([]);
    expect((await b.call('/api/reports', { as: 'viewer' })).status).toBe(403);
    const { reports } = (await (await b.call('/api/reports', { as: 'admin' })).json()) as { reports: KeptReport[] };
    expect(reports.map((r) => [r.from, r.to, r.profile, r.format, r.createdBy]).sort()).toEqual([
      [month.from, month.to, 'generic', 'json', 'schedule'],
      [month.from, month.to, 'generic', 'pdf', 'schedule'],
    ]);
    const pdf = await b.call(`/api/reports/${reports.find((r) => r.format === 'pdf')!.id}/file`, { as: 'admin' });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain(`bulwark-generic-${month.from}-${month.to}.pdf`);
    expect(await verifyReport(new Uint8Array(await pdf.arrayBuffer()), b.server.keys)).toEqual({ ok: true });
    const made = await b.call(`/api/reports/generate?from=${month.from}&to=${month.to}&profile=gdpr&format=csv`, { as: 'admin' });
    expect(await verifyReport(new Uint8Array(await made.arrayBuffer()), b.server.keys)).toEqual({ ok: true });
    expect((await b.call('/api/reports/generate?from=2026-02-01&to=2026-01-01&profile=gdpr', { as: 'admin' })).status).toBe(400);
    const audit = (await b.server.store.audit()).filter((e) => e.action.startsWith('report.'));
    expect(audit.map((e) => [e.actor, e.action])).toEqual([
      ['admin', 'report.download'],
      ['admin', 'report.generate'],
    ]);
  });
});
