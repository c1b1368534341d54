import { describe, expect, it } from 'vitest';
import { defaultEngine, Engine } from '../../../src/core/detect';
import { base62, crc32 } from '../../../src/core/detect/detectors/secrets/checksums';
import { providerSpecs, providerTokens } from '../../../src/core/detect/detectors/secrets/providers';

const engine = new Engine(providerTokens);
const find = (text: string) => engine.scan(text).findings.map((f) => ({ detector: f.detector, score: f.score, value: text.slice(f.start, f.end) }));

describe('provider tokens', () => {
  it('know at least 200 kinds of service tokens, each with its own id', () => {
    expect(providerTokens.length).toBeGreaterThanOrEqual(200);
    expect(new Set(providerTokens.map((d) => d.id)).size).toBe(providerTokens.length);
  });

  it('run only around distinctive keywords: none is a short, common word', () => {
    // These use a common word only together with a strict shape right next to it ("--token abcdef.0123...").
    const nearOtherWords = new Set(['kubernetes-bootstrap-token', 'twitch-stream-key', 'crates-io-token']);
    const common = new Set(['sk', 'pk', 'key', 'api', 'pat', 'token', 'pass', 'secret', 'id', 'live_', 'test_', 'st.', 're_', 'ser.']);
    for (const s of providerSpecs) {
      expect(s.keywords.length, s.id).toBeGreaterThan(0);
      for (const k of s.keywords) {
        expect(k.length >= 2, `${s.id}: ${k}`).toBe(true);
        if (!nearOtherWords.has(s.id)) expect(common.has(k), `${s.id}: ${k}`).toBe(false);
      }
    }
  });

  it('confirm a GitHub token whose checksum holds, and only lower the score of one whose checksum fails', () => {
    const body = 'Qm3vT8xK2pL9wR4zN7bY1cF6hJ5dS0';
    const good = `ghp_${body}${base62(crc32(body), 6)}`;
    const bad = `ghp_${body}${base62((crc32(body) + 1) >>> 0, 6)}`;
    expect(find(`token ${good}`)).toEqual([{ detector: 'secret.github-pat', score: 1, value: good }]);
    expect(find(`token ${bad}`)).toEqual([{ detector: 'secret.github-pat', score: 0.91, value: bad }]);
  });

  it('find a token in a URL before its @ as a token, not as an e-mail address', () => {
    const body = 'Qm3vT8xK2pL9wR4zN7bY1cF6hJ5dS0';
    const token = `ghs_${body}${base62((crc32(body) ^ 1) >>> 0, 6)}`;
    const all = defaultEngine().scan(`git clone https://${token}@github.com/acme/app.git`).findings;
    expect(all.map((f) => f.detector)).toContain('secret.github-installation-token');
  });

  it('find a value without a prefix only next to the provider\'s name and an assignment', () => {
    const uuid = '5b1e7a3c-9d2f-4e8a-b6c4-1f0e2d3c4b5a';
    expect(find(`HEROKU_API_KEY=${uuid}`).map((f) => f.value)).toEqual([uuid]);
    expect(find(`heroku_api_key: "${uuid}"`).map((f) => f.value)).toEqual([uuid]);
    expect(find(`heroku: { apiKey: "${uuid}" }`)).toEqual([]);
    expect(find(`request ${uuid} took 20 ms on heroku`)).toEqual([]);
    expect(find(`id = "${uuid}"`)).toEqual([]);
  });

  it('leave ordinary text, hashes, UUIDs and identifiers alone', () => {
    for (const text of [
      'commit 3f9a2c7e11b44c2d9e8f0a1b2c3d4e5f60718293 by jane@example.com',
      'request_id=7c9e6679-7425-40de-944b-e07fc1f90ae7 status=200 path=/api/v1/users',
      'sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'ssl.enabled=true ssl.keystore.location=/etc/kafka/keystore.jks; pk_live_51H8xyzABCDEFGHIJKLMNOPQRSTUV',
      'The datadog agent reports 1234 metrics; the twilio image is twilio/cli:latest; GITHUB_SECRET=${GITHUB_SECRET}',
    ]) expect(find(text), text).toEqual([]);
  });

  it('check an age secret key\'s Bech32 checksum', () => {
    const key = 'AGE-SECRET-KEY-1UY4ECG6T8V9M76ET70X8Q4UEQZC427VMR0QN2CJK0VJG4UQHV2S9NP08L7';
    expect(find(key)).toEqual([{ detector: 'secret.age-secret-key', score: 1, value: key }]);
    const typo = key.replace('UY4', 'UY5');
    expect(find(typo)[0]?.score).toBe(0.6);
  });
});
