/** The engine's vocabulary. Names are part of the product's contract (events, policy, the scan command). */
export const ENTITY_TYPES = [
  'PERSON', 'DATE', 'AGE', 'LOCATION', 'ZIP', 'PHONE', 'FAX', 'EMAIL', 'URL', 'IP_ADDRESS', 'SSN', 'NATIONAL_ID', 'MRN',
  'HEALTH_PLAN_ID', 'ACCOUNT_NUMBER', 'LICENSE_NUMBER', 'NPI', 'DEA_NUMBER', 'US_DRIVER_LICENSE', 'PASSPORT',
  'VEHICLE_ID', 'DEVICE_ID', 'CREDIT_CARD', 'IBAN', 'BANK_ROUTING', 'SECRET', 'MEDICAL_CODE', 'MEDICAL_TERM',
  // Intellectual property: what a manufacturer and its clients own.
  'CONFIDENTIAL_MARKING', 'CHEMICAL_STRUCTURE', 'CAS_NUMBER', 'COMPOUND_CODE', 'BIO_SEQUENCE', 'BATCH_NUMBER',
  'MANUFACTURING_TERM', 'SOURCE_CODE', 'ORG_TERM', 'CUSTOM_PATTERN', 'EDM_MATCH', 'DOCUMENT_MATCH',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
/** The detector id of an organisation classifier, as findings carry it and rules name it ("org.project-names"). */
export const organisationDetectorId = (id: string): string => `org.${id}`;
/** Types that only the organisation's own classifiers find (its codes, terms, patterns, tables and documents). */
export const ORGANISATION_TYPES: readonly EntityType[] = ['COMPOUND_CODE', 'ORG_TERM', 'CUSTOM_PATTERN', 'EDM_MATCH', 'DOCUMENT_MATCH'];

/** `health` and `manufacturing` are context: they never count alone, they make identifiers PHI or batch numbers IP. */
export type Category = 'phi' | 'pii' | 'secret' | 'ip' | 'health' | 'manufacturing';
export const DOCUMENT_LABELS = ['PHI', 'PII', 'SECRET', 'IP'] as const;
export type DocumentLabel = (typeof DOCUMENT_LABELS)[number];

/** One way a detector recognises a value. `group` selects the capture group that is the value itself. */
export interface Pattern {
  name: string;
  regex: RegExp;
  score: number;
  group?: number;
}

/**
 * What a validator says about a candidate: `false` drops it, `true` confirms it (a checksum passed: score 1.0),
 * a number replaces the score, and `note` goes into the explanation.
 */
export type Verdict = boolean | number | { score: number; note: string } | undefined;

export interface Context {
  /** Whole words (lower case) or short phrases that make a match more likely when they stand near it. */
  words: readonly string[];
  /** Characters searched before the match (and a quarter of it after). */
  window?: number;
  /** Characters searched after the match, where words may follow a value as often as precede it (at most `window`). */
  after?: number;
  /** Added to the score when a context word is found. */
  boost?: number;
}

export interface Example {
  text: string;
  /** The value that must be found; omit to mean "the whole text". */
  value?: string;
}

/**
 * A detector is data: patterns with base scores, prefilter keywords, a validator and context words, plus the
 * examples that its own test runs. Detectors whose cues are not regular (names, places) supply `find` instead.
 */
export interface Detector {
  id: string;
  type: EntityType;
  category: Category;
  description: string;
  /** Lower-case literals; the detector runs only on chunks that contain one. Omit for always-on detectors. */
  keywords?: readonly string[];
  /** Patterns run only around digits (for detectors without keywords). */
  requires?: 'digit';
  /** How far before and after a keyword the patterns look (default 128 and 512 characters). */
  window?: { before?: number; after?: number };
  patterns?: readonly Pattern[];
  /**
   * For detectors whose cues are not regular: the chunk, lower-cased too, and where the `anchors` occur in it
   * (found in the same automaton pass as every detector's keywords).
   */
  find?: (text: string, lower: string, anchors: ReadonlyMap<string, readonly number[]>) => Candidate[];
  /** Lower-case literals that tell `find` where to look, without gating the detector as keywords do. */
  anchors?: readonly string[];
  validate?: (value: string, text: string, start: number) => Verdict;
  context?: Context;
  /** Findings under this score are dropped; context can lift a weak pattern over it. */
  minScore?: number;
  /**
   * A quasi-identifier that identifies no one on its own (a state or a country: HIPAA Safe Harbor lets it
   * stand). It is reported, but it does not make a document PII or PHI.
   */
  quasi?: boolean;
  /**
   * Classifies a stretch of text as a whole (a block of code, a passage of a protected document) instead of
   * finding a value in it: a passage has no value to mask or hash, and it never hides a value inside it.
   */
  passage?: boolean;
  examples: { match: readonly Example[]; noMatch: readonly string[] };
}

export interface Candidate {
  start: number;
  end: number;
  score: number;
  why: string[];
}

export interface Finding {
  type: EntityType;
  category: Category;
  detector: string;
  start: number;
  end: number;
  score: number;
  /** How the score was reached: pattern, context, checks. Never contains the matched value. */
  why: string[];
  quasi?: boolean;
  passage?: boolean;
}

export interface ScanResult {
  findings: Finding[];
  labels: DocumentLabel[];
  /** Characters scanned; less than the input's length when it was over the cap. */
  scanned: number;
  truncated: boolean;
}
