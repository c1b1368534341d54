import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, engineFor, Policy } from '../../../src/core/policy';
import { ScanResultShape, type ScanReply } from '../../../src/extension/extractor/protocol';
import { cancelScan, serveScan } from '../../../src/extension/extractor/scan';

// Parsed as the decider's copy of the policy is (the background's answer is checked with the same schema).
const POLICY = Policy.parse({
  ...DEFAULT_POLICY,
  classifiers: { compoundCodes: [{ id: 'compounds', formats: ['BWX-####'] }], dictionaries: [], patterns: [{ id: 'protocols', regex: 'STP-\\d{2}-\\d{3}' }] },
});
const TEXT = 'Patient Maria Gonzalez, MRN 48213377, SSN 219-09-9999, compound BWX-1234 under STP-12-345.\n'.repeat(2000);

const replies = async (req: unknown): Promise<ScanReply[]> => {
  const got: ScanReply[] = [];
  await serveScan(req as never, (r) => got.push(r));
  return got;
};

describe("the frame's scan (extractor/scan.ts)", () => {
  it("gives the decider's result for the policy's classifiers, which passes the client's check", async () => {
    const got = await replies({ id: 7, scan: TEXT, classifiers: POLICY.classifiers });
    const last = got.at(-1)!;
    expect(last).toEqual({ id: 7, scanned: engineFor(POLICY).scan(TEXT) });
    expect('scanned' in last && last.scanned.findings.some((f) => f.detector === 'org.compounds')).toBe(true);
    expect(ScanResultShape.safeParse('scanned' in last && last.scanned).success).toBe(true);
    for (const r of got.slice(0, -1)) expect('progress' in r && r.progress > 0 && r.progress < 1).toBe(true);
  });

  it('answers a malformed request or bad classifiers with an error, never a result', async () => {
    expect(await replies({ id: 1, scan: 42, classifiers: POLICY.classifiers })).toEqual([{ id: 1, error: 'a malformed scan request' }]);
    const bad = await replies({ id: 2, scan: 'text', classifiers: { patterns: 'no' } });
    expect(bad).toHaveLength(1);
    expect('error' in bad[0]!).toBe(true);
  });

  it('stops a cancelled scan at its next slice', async () => {
    const pending = replies({ id: 3, scan: TEXT.repeat(4), classifiers: POLICY.classifiers });
    cancelScan(3);
    expect((await pending).some((r) => 'scanned' in r)).toBe(false);
  });
});

describe('the check of what the frame returns (ScanResultShape)', () => {
  it('refuses what is not a scan result', () => {
    const ok = { findings: [{ type: 'SSN', category: 'pii', detector: 'pii.ssn', start: 1, end: 5, score: 0.9, why: ['pattern'] }], labels: ['PII'], scanned: 10, truncated: false };
    expect(ScanResultShape.safeParse(ok).success).toBe(true);
    for (const bad of [{ ...ok, labels: ['NOPE'] }, { ...ok, findings: [{ ...ok.findings[0], start: 6 }] }, { ...ok, findings: [{ ...ok.findings[0], type: 'X' }] }, { ...ok, extra: 1 }, null])
      expect(ScanResultShape.safeParse(bad).success).toBe(false);
  });
});
