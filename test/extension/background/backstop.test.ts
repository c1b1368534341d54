import { describe, expect, it } from 'vitest';
import { engineFor, Policy } from '../../../src/core/policy';
import { summarize } from '../../../src/core/events/summary';
import { summaryValues } from '../../../src/core/events/summary';
import { Allowances } from '../../../src/extension/background/backstop/allowances';
import { decideRequest, initialState, type BackstopState } from '../../../src/extension/background/backstop/decide';
import { consentHash, sipKey } from '../../../src/extension/background/backstop/hashes';
import { MAX_BODY_BYTES, readRequest, type RequestDetails } from '../../../src/extension/background/backstop/read';

const PHI = 'Patient Maria Gonzalez, MRN 48213377, SSN 219-09-9999, was admitted with diabetic ketoacidosis.';
const HARMLESS = 'The stability study for lot planning moves to Thursday afternoon.';
const PAGE = 'https://notes.example.com';
const bytes = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;

const request = (over: Partial<RequestDetails>): RequestDetails => ({ url: `${PAGE}/save`, method: 'POST', type: 'xmlhttprequest', tabId: 7, frameId: 0, initiator: PAGE, ...over });
const fresh = (policy?: Policy): BackstopState => ({ ...initialState(sipKey(new Uint8Array(16).fill(9))), ...(policy ? { policy } : {}) });
const BLOCK = Policy.parse({ version: 2, rules: [{ id: 'no-phi', match: { categories: ['phi'] }, action: 'block' }] });

describe('what the backstop reads from a request', () => {
  it('reads the query string decoded, form fields joined as one send, and raw bodies as UTF-8', () => {
    expect(readRequest(request({ method: 'GET', type: 'image', url: `${PAGE}/search?q=${encodeURIComponent(PHI)}&page=2` })).text).toContain('SSN 219-09-9999');
    // An SSN typed into three boxes is one identifier for whoever receives the form.
    expect(readRequest(request({ type: 'main_frame', requestBody: { formData: { a: ['219'], b: ['09'], c: ['9999'] } } })).text).toContain('219-09-9999');
    expect(readRequest(request({ type: 'ping', requestBody: { raw: [{ bytes: bytes(JSON.stringify({ note: PHI })) }] } })).text).toContain('MRN 48213377');
  });

  it('decodes a percent-encoded body sent as a string, and survives bytes that are not UTF-8', () => {
    expect(readRequest(request({ requestBody: { raw: [{ bytes: bytes(`note=${encodeURIComponent(PHI)}`) }] } })).text).toContain('SSN 219-09-9999');
    const junk = new Uint8Array([0xff, 0xfe, 0x80, 0x41]).buffer;
    expect(readRequest(request({ requestBody: { raw: [{ bytes: junk }] } })).text).toContain('A');
  });

  it('reads the first megabyte of a longer body and says a text that long is too large; counts file parts without reading them', () => {
    const big = readRequest(request({ requestBody: { raw: [{ bytes: bytes(PHI) }, { bytes: bytes(' '.repeat(MAX_BODY_BYTES)) }] } }));
    expect(big.failure).toBe('too-large');
    expect(big.text).toContain('219-09-9999');
    // A binary body that long (a photo PUT by script) is read as far as the limit, and is no failure.
    const photo = readRequest(request({ requestBody: { raw: [{ bytes: bytes(PHI) }, { bytes: new ArrayBuffer(MAX_BODY_BYTES) }] } }));
    expect(photo.failure).toBeUndefined();
    expect(photo.text).toContain('219-09-9999');
    expect(readRequest(request({ requestBody: { raw: [{ file: '/tmp/upload.bin' }, { bytes: bytes('--x--') }] } })).files).toBe(1);
    expect(readRequest(request({ requestBody: { error: 'Unknown error.' } })).failure).toBe('unreadable');
  });
});

describe('the backstop decision (synchronous, with the policy in memory)', () => {
  it('stops patient data the default policy warns about, on the web-request channel, for the destination host', () => {
    const v = decideRequest(fresh(), request({ url: 'https://api.tracker.example/v1/notes', requestBody: { raw: [{ bytes: bytes(PHI) }] } }));
    expect(v.kind).toBe('stop');
    if (v.kind !== 'stop') return;
    expect(v).toMatchObject({ channel: 'web-request', host: 'api.tracker.example', origin: PAGE, tabId: 7, decision: { action: 'warn' } });
    expect(v.summary.map((s) => s.type)).toEqual(expect.arrayContaining(['SSN', 'MRN']));
    expect(JSON.stringify(v.summary)).not.toContain('219-09-9999');
  });

  it('lets harmless content, empty requests and plain navigations through', () => {
    expect(decideRequest(fresh(BLOCK), request({ requestBody: { raw: [{ bytes: bytes(HARMLESS) }] } })).kind).toBe('pass');
    expect(decideRequest(fresh(BLOCK), request({ method: 'GET', type: 'main_frame', url: `${PAGE}/inbox` })).kind).toBe('pass');
  });

  it('uses the upload channel when the request carries files', () => {
    const v = decideRequest(fresh(BLOCK), request({ requestBody: { formData: { note: [PHI] }, raw: [{ file: '' }] } }));
    expect(v.kind === 'stop' && v.channel).toBe('programmatic-upload');
  });

  it('never checks the extension itself, the organisation backend, exception hosts, or what the browser starts by itself', () => {
    const state = { ...fresh(Policy.parse({ ...BLOCK, exceptions: { hosts: ['*.ourpharma.com'] } })), skipOrigins: new Set(['chrome-extension://akalfehckapncpenmnigfcjlihoodmne', 'https://dlp.ourcorp.net']) };
    const body = { raw: [{ bytes: bytes(PHI) }] };
    expect(decideRequest(state, request({ initiator: 'chrome-extension://akalfehckapncpenmnigfcjlihoodmne', tabId: -1, requestBody: body })).kind).toBe('pass');
    expect(decideRequest(state, request({ url: 'https://dlp.ourcorp.net/api/device/events', requestBody: body })).kind).toBe('pass');
    expect(decideRequest(state, request({ url: 'https://files.ourpharma.com/up', requestBody: body })).kind).toBe('pass');
    expect(decideRequest(state, request({ initiator: undefined, type: 'main_frame', method: 'GET', url: `${PAGE}/?q=${encodeURIComponent(PHI)}` })).kind).toBe('pass');
    expect(decideRequest(state, request({ requestBody: body })).kind).toBe('stop');
    // A sandboxed frame has an opaque origin: still a page.
    expect(decideRequest(state, request({ initiator: 'null', requestBody: body })).kind).toBe('stop');
  });

  it('a too-large body follows the policy failure mode: asked by default (closed), audited when open', () => {
    const details = request({ requestBody: { raw: [{ bytes: bytes(HARMLESS) }, { bytes: bytes(' '.repeat(MAX_BODY_BYTES)) }] } });
    const closed = decideRequest(fresh(), details);
    expect(closed.kind === 'stop' && closed.decision.action).toBe('warn');
    expect(decideRequest(fresh(Policy.parse({ ...BLOCK, failures: { 'too-large': 'open' } })), details).kind).toBe('audit');
  });

  it('after "continue" the same values pass for that tab and origin (and its service worker), not for another tab', () => {
    const state = fresh(BLOCK);
    const details = request({ requestBody: { raw: [{ bytes: bytes(PHI) }] } });
    const v = decideRequest(state, details);
    if (v.kind !== 'stop') throw new Error('expected a stop');
    state.allowances.add(7, PAGE, v.hashes);
    expect(decideRequest(state, details).kind).toBe('pass');
    // The app's retry may carry the values formatted otherwise: the hashes are of the normalised value.
    expect(decideRequest(state, request({ requestBody: { raw: [{ bytes: bytes(PHI.replace('219-09-9999', '219 09 9999')) }] } })).kind).toBe('pass');
    expect(decideRequest(state, { ...details, tabId: -1, type: 'other' }).kind).toBe('pass');
    expect(decideRequest(state, { ...details, tabId: 8 }).kind).toBe('stop');
    expect(decideRequest(state, { ...details, initiator: 'https://other.example' }).kind).toBe('stop');
  });

  it('the content guard hashes what the employee chose to share the way the backstop does', () => {
    const state = fresh(BLOCK);
    const findings = engineFor(state.policy).scan(PHI).findings;
    const consented = summarize(PHI, findings).flatMap((s) => [...summaryValues(s)].map((v) => consentHash(state.key, s.type, v)));
    state.allowances.add(7, PAGE, consented);
    expect(decideRequest(state, request({ url: 'https://api.other.example/sync', requestBody: { raw: [{ bytes: bytes(JSON.stringify({ text: PHI })) }] } })).kind).toBe('pass');
  });

  it('attributes a frame navigation to the frame that started it', () => {
    const v = decideRequest(fresh(BLOCK), request({ type: 'sub_frame', frameId: 12, parentFrameId: 3, requestBody: { formData: { note: [PHI] } } }));
    expect(v.kind === 'stop' && [v.frameId, v.navigation]).toEqual([3, false]);
    const top = decideRequest(fresh(BLOCK), request({ type: 'main_frame', frameId: 0, requestBody: { formData: { note: [PHI] } } }));
    expect(top.kind === 'stop' && top.navigation).toBe(true);
  });
});

describe('allowances', () => {
  it('round-trip through session storage and forget a closed tab', () => {
    const a = new Allowances();
    a.add(3, PAGE, ['00000000000000aa']);
    const b = Allowances.fromJSON(JSON.parse(JSON.stringify(a)));
    expect(b.has(3, PAGE, '00000000000000aa')).toBe(true);
    expect(b.has(-1, PAGE, '00000000000000aa')).toBe(true);
    b.forgetTab(3);
    expect(b.empty).toBe(true);
    expect(Allowances.fromJSON('garbage').empty).toBe(true);
  });
});
