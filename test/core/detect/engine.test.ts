import { describe, expect, it } from 'vitest';
import { createEngine, Engine, scan, type Detector, type EntityType, type Finding } from '../../../src/core/detect';
import { redact } from '../../../src/core/detect/redact';
import { countedTerms } from '../../../src/core/detect/detectors/health/terms';

const values = (text: string, findings: Finding[]) => findings.map((f) => [f.type, text.slice(f.start, f.end)]);

describe('the engine', () => {
  it('adds its time by stage and detector into a profile, and finds the same with it as without', () => {
    const text = 'Pt Anna S. (MRN: 00123456, SSN 536-22-8726) seen at Lakeside Clinic for hypertension. password=hunter2hunter2';
    const profile = new Map<string, number>();
    expect(createEngine({ profile }).scan(text)).toEqual(createEngine().scan(text));
    for (const stage of ['readable', 'keywords', 'score', 'resolveOverlaps', 'documentLabels', 'detector pii.ssn', 'context']) expect(profile.get(stage), stage).toBeGreaterThanOrEqual(0);
    // The time of each validator is its own stage, apart from the rest of scoring.
    expect([...profile.keys()].filter((k) => k.startsWith('validate ')).length).toBeGreaterThan(0);
    // Only detectors that ran are timed: one whose keywords are absent is skipped by its gate.
    const never = [...profile.keys()].filter((k) => k.startsWith('detector '));
    expect(never.length).toBeLessThan(createEngine().detectors.length);
  });

  it('finds identifiers, explains each, and labels a clinical text PHI', () => {
    const text = 'Pt Anna S. (MRN: 00123456, SSN 536-22-8726) seen at Lakeside Clinic on March 5th, 2021 for hypertension; started lisinopril.';
    const r = scan(text);
    expect(values(text, r.findings.filter((f) => f.category !== 'health'))).toEqual([
      ['PERSON', 'Anna S.'], ['MRN', '00123456'], ['SSN', '536-22-8726'], ['LOCATION', 'Lakeside Clinic'], ['DATE', 'March 5th, 2021'],
    ]);
    expect(r.labels).toEqual(['PHI', 'PII']);
    for (const f of r.findings) {
      expect(f.why.length).toBeGreaterThan(0);
      expect(f.score).toBeGreaterThan(0);
      expect(f.score).toBeLessThanOrEqual(1);
    }
    expect(r.findings.find((f) => f.type === 'SSN')!.category).toBe('phi');
  });

  it('labels identifiers without health context PII, and credentials SECRET', () => {
    expect(scan('Call Laura Carvalho on (310) 555-1234 about the invoice.').labels).toEqual(['PII']);
    expect(scan('export GITHUB_TOKEN=ghp_wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUy').labels).toEqual(['SECRET']);
  });

  it('does not call clinical text without identifiers PHI', () => {
    const r = scan('What are the guidelines for prescribing ACE inhibitors to a 55-year-old male with chronic kidney disease? He was diagnosed back in 2021.');
    expect(r.labels).toEqual([]);
  });

  it('counts only ages over 89, and a state alone identifies no one', () => {
    expect(scan('a 92-year-old woman with dementia').labels).toEqual(['PHI', 'PII']);
    expect(scan('a 55-year-old woman with dementia').labels).toEqual([]);
    const r = scan('a woman from Texas with dementia');
    expect(values('a woman from Texas with dementia', r.findings.filter((f) => f.type === 'LOCATION'))).toEqual([['LOCATION', 'Texas']]);
    expect(r.labels).toEqual([]);
  });

  it('drops a checksum failure and keeps a pass at full score', () => {
    const ok = scan('card 4111 1111 1111 1111').findings.find((f) => f.type === 'CREDIT_CARD');
    expect(ok?.score).toBe(1);
    expect(scan('card 4111 1111 1111 1112').findings.some((f) => f.type === 'CREDIT_CARD')).toBe(false);
  });

  it('finds values that straddle a chunk boundary, once', () => {
    const pad = 'lorem ipsum dolor sit amet '.repeat(2500); // ~67 KB: the SSN sits across the 64 KB boundary
    const text = `${pad.slice(0, 65_530)} SSN 536-22-8726 ${pad}`;
    const ssns = scan(text).findings.filter((f) => f.type === 'SSN');
    expect(ssns.map((f) => text.slice(f.start, f.end))).toEqual(['536-22-8726']);
  });

  it('never ends a chunk inside a key block longer than the overlap', () => {
    const pad = 'lorem ipsum dolor sit amet '.repeat(2500);
    const body = Array.from({ length: 140 }, (_, i) => `${'MIIJKQIBAAKCAgEA3f9Kq2Lm8Np4Rs7Tu1Wx5Yz0Ab6Cd2Ef9Gh3Jk'.slice(i % 7)}${i}`.padEnd(64, 'Q')).join('\n');
    const key = `-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----`;
    expect(key.length).toBeGreaterThan(8000);
    const text = `${pad.slice(0, 63_000)}\n${key}\n${pad}`;
    const keys = scan(text).findings.filter((f) => f.type === 'SECRET');
    expect(keys.map((f) => text.slice(f.start, f.end))).toEqual([key]);
  });

  it('resolves overlaps: one finding per stretch of text, the higher score winning', () => {
    const text = 'see https://user:s3cr3tP4ss@api.example.com now';
    // The e-mail-shaped "s3cr3tP4ss@api.example.com" loses to the credential's parts, which score higher.
    expect(values(text, scan(text).findings)).toEqual([['SECRET', 'user'], ['SECRET', 's3cr3tP4ss'], ['SECRET', 'api.example.com']]);
  });

  it('resolves overlaps as ranking every finding would: clusters of one layer ranked alone, the rest kept as found', () => {
    let seed = 3;
    const rnd = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
    const text = 'x'.repeat(400);
    for (let round = 0; round < 40; round++) {
      // Three detectors in two layers (identifiers: pii and secret; health), with random, often equal, spans and scores.
      const spans = (n: number) => Array.from({ length: n }, () => {
        const start = rnd(380);
        return { start, end: start + rnd(12), score: 0.5 + rnd(6) / 10, why: [] };
      });
      const made: [string, 'pii' | 'secret' | 'health', EntityType][] = [['t.a', 'pii', 'SSN'], ['t.b', 'secret', 'SECRET'], ['t.c', 'health', 'MEDICAL_TERM']];
      const found = made.map(([id, category, type]) => ({ id, category, type, spans: spans(5 + rnd(25)) }));
      const detectors: Detector[] = found.map(({ id, category, type, spans }) => ({ id, category, type, description: 'a test detector', find: () => spans, examples: { match: [], noMatch: [] } }));
      const got = new Engine(detectors, { minScore: 0.1 }).scan(text).findings.map((f) => `${f.detector} ${f.start}-${f.end} ${f.score}`);
      // The oracle: every finding ranked at once (score, length, start, order found), kept where its layer is free.
      const all = found.flatMap(({ id, category, spans }) => spans.map((c) => ({ id, layer: category === 'health' ? 'health' : 'identifier', ...c })));
      const ranked = all.map((f, i) => ({ f, i })).sort((a, b) => b.f.score - a.f.score || b.f.end - b.f.start - (a.f.end - a.f.start) || a.f.start - b.f.start || a.i - b.i);
      const taken = new Set<string>();
      const kept = ranked.filter(({ f }) => {
        for (let k = f.start; k < f.end; k++) if (taken.has(`${f.layer} ${k}`)) return false;
        for (let k = f.start; k < f.end; k++) taken.add(`${f.layer} ${k}`);
        return true;
      });
      kept.sort((a, b) => a.f.start - b.f.start || a.f.end - b.f.end);
      expect(got, `round ${round}`).toEqual(kept.map(({ f }) => `${f.id} ${f.start}-${f.end} ${f.score}`));
    }
  });

  it('caps the input and says so', () => {
    const engine = createEngine({ maxChars: 1000 });
    const text = `${'x '.repeat(600)} SSN 536-22-8726`;
    const r = engine.scan(text);
    expect(r.truncated).toBe(true);
    expect(r.scanned).toBe(1000);
    expect(r.findings).toEqual([]);
  });

  it('never puts a matched value into an explanation', () => {
    const text = 'Pt Anna S., MRN 00123456, SSN 536-22-8726, card 4111 1111 1111 1111, anna.s@example.com, key AKIAZ7QX3T5B2NDKQW4L, at 123 Elm Street, Springfield';
    const r = scan(text);
    expect(r.findings.length).toBeGreaterThan(6);
    for (const f of r.findings) {
      const value = text.slice(f.start, f.end);
      if (value.length > 3) expect(f.why.join(' '), f.detector).not.toContain(value);
    }
  });

  it('refuses what is not a string with a clear error', () => {
    expect(() => scan(undefined as unknown as string)).toThrow(TypeError);
    expect(() => scan({ text: 'x' } as unknown as string)).toThrow(/takes a string/);
  });

  it('survives lone surrogates, NUL bytes and binary junk', () => {
    const junk = Array.from({ length: 200_000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('');
    const text = `\uD800 SSN 536-22-8726 \u0000\uDFFF ${junk}`;
    const r = scan(text);
    expect(r.findings.some((f) => f.type === 'SSN' && text.slice(f.start, f.end) === '536-22-8726')).toBe(true);
  });

  it('stays bounded on a text made of nothing but identifiers', () => {
    const text = 'SSN 536-22-8726 call (310) 555-1234 on 2024-05-01 from 10.1.2.3\n'.repeat(120_000); // 7.8 MB
    const r = scan(text);
    expect(r.truncated).toBe(false);
    expect(r.labels).toEqual(['PII']);
    expect(r.findings.length).toBeGreaterThan(100_000);
    // Each pattern reports at most 2,000 matches per 64 KB chunk: counts stay honest in order of magnitude.
    expect(r.findings.length).toBeLessThan(text.length / 10);
  });

  it('scans a 50 MB string up to its cap and reports the rest as not scanned', () => {
    const big = 'The quarterly report is attached. '.repeat(1_550_000);
    expect(big.length).toBeGreaterThan(50_000_000);
    const r = scan(big);
    expect(r.truncated).toBe(true);
    expect(r.scanned).toBe(8 * 1024 * 1024);
    expect(r.labels).toEqual([]);
  });
});

describe('health context', () => {
  const terms = (text: string) => countedTerms(text, text.toLowerCase()).map((f) => text.slice(f.start, f.end));

  it('counts clinical terms alone, ambiguous words and abbreviations only beside them', () => {
    expect(terms('Fix a build failure in the health check; the ICU data and pt sizes are treated as before.')).toEqual([]);
    expect(terms('Heart failure, treated with lisinopril; pt reports fatigue.')).toEqual(['Heart failure', 'treated', 'lisinopril', 'pt', 'fatigue']);
    expect(scan('Fix the health check failure. Thanks, Anna Smith').labels).toEqual(['PII']);
  });

  it('reads clinical shorthand as a frame: several cues together, or an age beside one', () => {
    expect(terms('Rec mgmt of 70yo M w/ CHF, alt tx after beta-blocker intol')).toEqual(['70yo', 'CHF', 'tx', 'blocker']);
    expect(terms('Ship 70 units to TX by Friday')).toEqual([]);
  });

  it('names the term that corroborated an ambiguous word', () => {
    const text = 'Fatigue since the diabetes diagnosis.';
    const f = countedTerms(text, text.toLowerCase()).find((x) => x.why.some((w) => w.startsWith('ambiguous')));
    expect(f?.why).toEqual(['ambiguous word, with "diabetes" 11 characters away (0.6)']);
  });

  it('takes whole words only, and no names, places or plain words for shapes', () => {
    expect(terms('Tulsa, Oklahoma; the choreography and cryptography of it')).toEqual([]);
    // A Spanish term is read whole, never as the English "tumor" inside it.
    expect(terms('Se palpa una tumoración')).toEqual(['tumoración']);
    expect(terms('started dapagliflozin after the colectomy')).toEqual(['dapagliflozin', 'colectomy']);
    // A capitalised diagnosis shape inside a sentence is a family name; words of addresses and file names are no words.
    expect(terms('Thanks to Jonas Margaritis and arthritis@example.org for health.ts')).toEqual([]);
    expect(terms('Arthritis of the knee.')).toEqual(['Arthritis', 'knee']);
  });

  it('reads a diagnosis code by its label, not by the word "code"', () => {
    const codes = (text: string) => scan(text).findings.filter((f) => f.type === 'MEDICAL_CODE').map((f) => text.slice(f.start, f.end));
    expect(codes('Port the C99 code to X11 and C89 code.')).toEqual([]);
    expect(codes('Diagnosis E11.9, ICD-10 I10')).toEqual(['E11.9', 'I10']);
  });

  it('keeps a bounded number of terms however long the note, and labels a record at its end PHI', () => {
    const paragraph = 'The patient has hypertension and diabetes, treated with lisinopril and metformin 500 mg twice daily. ';
    const note = paragraph.repeat(1500);
    expect(note.length).toBeGreaterThan(150_000);
    const found = scan(`${note}Anna Smith, MRN 12345678.`);
    expect(found.findings.filter((f) => f.category === 'health').length).toBeLessThan(note.length / 50);
    expect(found.labels).toEqual(['PHI', 'PII']);
    const tail = `${'The quarterly planning meeting moves to the large conference room next week. '.repeat(2000)}${paragraph}Anna Smith, MRN 12345678.`;
    expect(scan(tail).labels).toEqual(['PHI', 'PII']);
  });
});

describe('names in clinical notes', () => {
  const namesIn = (text: string) => scan(text).findings.filter((f) => f.type === 'PERSON' || f.type === 'LOCATION').map((f) => text.slice(f.start, f.end));

  it('takes drug and device brands for no one', () => {
    expect(namesIn('MEDICATIONS: Allegra 180 mg daily, Ortho Tri-Cyclen and Lipitor.\nA Foley catheter was placed; closed with 4-0 Monocryl.')).toEqual([]);
  });

  it('takes headings in capitals for no one and no place, but keeps a name alone on its line', () => {
    expect(namesIn('ANESTHESIA: General endotracheal.\nHEENT: Normocephalic.\nPAST MEDICAL HISTORY: Hypertension.\nIMPRESSION\nStable.')).toEqual([]);
    expect(namesIn('Seen today.\nMARGARET HOLLOWAY\n')).toEqual(['MARGARET HOLLOWAY']);
    expect(namesIn('Patient John Smith was seen by Dr. Alan Brooks at Mercy Hospital.')).toEqual(['John Smith', 'Dr. Alan Brooks', 'Mercy Hospital']);
  });
});

describe('PHI needs health context near the identifier', () => {
  const filler = 'The quarterly planning meeting moves to the large conference room next week. '.repeat(8);

  it('labels a colleague far from the clinical paragraph PII, a patient beside the diagnosis PHI', () => {
    const mail = `The study team reviewed the adverse event listing and the hypertension cohort.\n${filler}\nRegards,\nTom Reilly`;
    const r = scan(mail);
    expect(r.labels).toEqual(['PII']);
    expect(r.findings.find((f) => f.type === 'PERSON')?.category).toBe('pii');
    const note = `${filler}\nAnna Smith was diagnosed with hypertension and started lisinopril.`;
    expect(scan(note).labels).toEqual(['PHI', 'PII']);
    const person = scan(note).findings.find((f) => f.type === 'PERSON')!;
    expect(person.why.at(-1)).toBe('health context: "diagnosed with" within 300 characters');
  });

  it('treats a text dense with clinical words as clinical throughout', () => {
    const clinical = 'Patient with diabetes, hypertension and COPD on metformin, lisinopril and albuterol; chronic kidney disease. '.repeat(6);
    const r = scan(`${clinical}\n${filler}\nSigned: Dr. Alan Brooks`);
    expect(r.labels).toEqual(['PHI', 'PII']);
    expect(r.findings.find((f) => f.type === 'PERSON')?.category).toBe('phi');
  });
});

describe('invisible characters', () => {
  it('finds values split by zero-width characters and soft hyphens, with spans in the original text', () => {
    const text = 'SSN 219-09-99\u200b99 for Pat\u00adient record; key AKIA\u200dZ7QX3T5B2NDKQW4L';
    const r = scan(text);
    const spans = r.findings.filter((f) => f.type === 'SSN' || f.type === 'SECRET').map((f) => text.slice(f.start, f.end));
    expect(spans).toEqual(['219-09-99\u200b99', 'AKIA\u200dZ7QX3T5B2NDKQW4L']);
    expect(r.scanned).toBe(text.length);
    expect(redact(text, r.findings)).toBe('SSN [SSN] for Pat\u00adient record; key [SECRET]');
  });
});
