/**
 * What reading a file gives: its status, the text of each readable part with where it came from, and what was
 * skipped and why. Bytes in, text out: nothing here touches a browser or Node API, so the same code runs in the
 * extension and in the scan command.
 */
export const EXTRACT_STATUSES = ['ok', 'encrypted', 'bomb', 'unreadable', 'too-large', 'image'] as const;
export type ExtractStatus = (typeof EXTRACT_STATUSES)[number];

export interface TextPart {
  /** Where the text came from: "document", "header1", "sheet Patients", "page 3", "a.zip > b.docx > comments". */
  location: string;
  text: string;
  /**
   * Finer places inside the text, in order of `at` (a sheet's cells: "B2"), as two arrays rather than an object
   * per place: a sheet has millions of cells. A finding's place is the last mark at or before its start; without
   * marks it is its line.
   */
  marks?: Marks;
}

export interface Marks {
  at: number[];
  label: string[];
}

export interface Skipped {
  location: string;
  reason: string;
}

export interface Extraction {
  status: ExtractStatus;
  /** Why, when the status is not ok. */
  reason?: string;
  /** What the bytes turned out to be: "docx", "zip", "pdf", "text/utf-16le", ... */
  format: string;
  parts: TextPart[];
  skipped: Skipped[];
}

export interface ExtractLimits {
  /** A file larger than this is not read at all. */
  maxFileBytes: number;
  /** Archives in archives (and attachments in e-mails) deeper than this are skipped. */
  maxDepth: number;
  /** An archive with more entries than this is skipped as a bomb. */
  maxEntries: number;
  /** All expanded bytes of one file together. */
  maxExpandedBytes: number;
  /** Expanded size over compressed size of one entry. */
  maxRatio: number;
  /** Text kept from one file; the rest is cut and the extraction says so. */
  maxTextChars: number;
  /** PDF pages read. */
  maxPages: number;
}

export const DEFAULT_LIMITS: ExtractLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxDepth: 3,
  maxEntries: 10_000,
  maxExpandedBytes: 200 * 1024 * 1024,
  maxRatio: 200,
  maxTextChars: 8 * 1024 * 1024,
  maxPages: 2000,
};

/** The place of a finding at `offset` in a part. */
export function locate(part: TextPart, offset: number): string {
  const marks = part.marks;
  if (marks?.at.length) {
    if (marks.at[0]! > offset) return part.location;
    let lo = 0;
    let hi = marks.at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (marks.at[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return `${part.location} ${marks.label[lo]}`;
  }
  let line = 1;
  for (let i = part.text.indexOf('\n'); i !== -1 && i < offset; i = part.text.indexOf('\n', i + 1)) line++;
  return `${part.location} line ${line}`;
}
