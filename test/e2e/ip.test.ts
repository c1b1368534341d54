import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../src/core/policy';
import { publishPolicy } from '../../src/server/org';
import { documentText, isoDate, people } from '../core/protect/generate';
import { startBackend, type TestBackend } from '../server/harness';
import { callBackground, extensionId, launch, until, type Session } from './chromium';
import { answer, dialogText, paste, waitForDialog } from './employee';
import { startSite, type Site } from './site';

const call = callBackground;

const patients = people(2_000, 21);
const formula = documentText(5, 800);

/**
 * The organisation's own data, the whole way: an administrator uploads a patient table and registers a
 * formulation; an enrolled browser takes both, hashed and signed, and stops a paste that copies a row or a
 * paragraph, while the database learns the rule and the types, never the values.
 */
describe('exact data and document fingerprints in an enrolled browser (real Chromium, real server)', () => {
  let site: Site;
  let b: TestBackend;
  let session: Session;
  beforeAll(async () => {
    site = await startSite();
    b = await startBackend('sqlite');
    const csv = ['name,dob,mrn', ...patients.map((p) => `${p.name},${isoDate(p)},${p.mrn}`)].join('\n');
    const columns = [{ name: 'name', kind: 'text' }, { name: 'dob', kind: 'date' }, { name: 'mrn', kind: 'id' }];
    expect((await b.call('/api/protected-data/tables', { method: 'POST', as: 'policy_admin', json: { id: 'patients', name: 'Patients', columns, combos: [['name', 'dob'], ['mrn']], csv } })).status).toBe(201);
    expect((await b.call('/api/protected-data/documents', { method: 'POST', as: 'policy_admin', json: { set: 'formulations', setName: 'Formulations', name: 'VX-12 master formula', text: formula } })).status).toBe(201);
    await publishPolicy(
      b.server.store,
      b.server.keys,
      {
        ...DEFAULT_POLICY,
        classifiers: { dictionaries: [{ id: 'projects', kind: 'project', terms: ['Project Falcon'] }] },
        rules: [
          { id: 'patients-table', action: 'block', match: { classifiers: ['patients'] } },
          { id: 'protected-documents', action: 'block', match: { classifiers: ['formulations'], minScore: 0.7 } },
          { id: 'code-names', action: 'warn', match: { classifiers: ['projects'] } },
        ],
      },
      'policy_admin',
      'IP rules',
    );
    session = await launch(extensionId(), { serverUrl: b.url, enrollmentToken: b.enrollmentToken }, site.args);
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await until(async () => (await call(session, 'refreshCentralPolicy'), (await call(session, 'effectivePolicy')) as { source: string }), (p) => p.source === 'central');
    // The background fetched it at install already, after the policy: now it only confirms the version.
    expect(await call(session, 'refreshProtectedData')).toMatchObject({ version: 2 });
  });
  afterAll(async () => {
    await session?.close();
    await b?.close();
    await site?.close();
  });

  const fieldAfterPaste = async (text: string) => {
    const page = await session.context.newPage();
    await page.goto(site.url('forms.example.com', 'fields.html'));
    await paste(page, '#ta', text);
    return page;
  };

  it('blocks a row of the table (a name with its date of birth), and the event names the rule, not the row', async () => {
    const p = patients[777]!;
    const page = await fieldAfterPaste(`Re: ${p.name}, DOB ${p.dob.m}/${p.dob.d}/${p.dob.y} – can you send the chart?`);
    expect(await waitForDialog(page)).toMatch(/values from your organisation's protected records/);
    await answer(page, { choose: 'cancel' });
    expect(await page.inputValue('#ta')).toBe('');
    await until(async () => (await call(session, 'flushEvents'), b.server.store.eventCount()), (n) => n >= 1);
    const { events } = await b.server.store.events({}, 10);
    expect(events[0]!.event).toMatchObject({ rule: 'patients-table', action: 'block', findings: [expect.objectContaining({ type: 'EDM_MATCH', count: 2 })] });
    const rows = JSON.stringify(await b.server.store.db.query('SELECT * FROM events'));
    for (const v of [p.name, ...p.name.split(' '), String(p.dob.y)]) expect(rows).not.toContain(v);
  });

  it('blocks a pasted paragraph of a registered document, and lets ordinary text and other rows\' halves through', async () => {
    const page = await fieldAfterPaste(`Draft for the client: ${formula.split(' ').slice(300, 380).join(' ')}`);
    expect(await waitForDialog(page)).toMatch(/passages of protected documents/);
    await answer(page, { choose: 'cancel' });
    await until(async () => (await call(session, 'flushEvents'), b.server.store.events({}, 10)), (r) => r.events.some((e) => e.event.rule === 'protected-documents'));

    const a = patients[1]!, z = patients[2]!;
    const harmless = await fieldAfterPaste(`${a.name} will meet ${z.name} on ${isoDate(a).slice(0, 4)}-12-01 about the budget.`);
    await harmless.waitForTimeout(1_000);
    expect(await dialogText(harmless)).toBeUndefined();
    expect(await harmless.inputValue('#ta')).toContain(a.name);
  });

  it('warns about a project code name from the policy\'s dictionary', async () => {
    const page = await fieldAfterPaste('Status of Project Falcon: the pilot batch is on hold.');
    expect(await waitForDialog(page)).toMatch(/internal project, client or product names/);
    await answer(page, { choose: 'continue' });
    // Delivered once the background has the consent (so that the backstop does not stop it again): a moment later.
    await expect.poll(() => page.inputValue('#ta')).toContain('Project Falcon');
  });
});
