/** Dates as exact-data match compares them: yyyymmdd, whatever way they were written. */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** 1 to 12 for a month's name or its abbreviation ("March", "sept", "Mär" folded to "mar"); 0 otherwise. */
export function monthOf(word: string): number {
  if (word.length < 3 || word.length > 9) return 0;
  const i = MONTHS.indexOf(word.slice(0, 3));
  if (i < 0) return 0;
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][i]!;
  return full.startsWith(word) || word === 'sept' ? i + 1 : 0;
}

function ymd(y: number, m: number, d: number): string | undefined {
  if (!Number.isInteger(m) || !Number.isInteger(d) || y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  return `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`;
}

const num = (w: string): number => (/^\d{1,4}$/.test(w) ? Number(w) : NaN);

/**
 * The dates that three words may mean ("03 04 1985": 4 March or 3 April; "1985 03 04"; "March 4 1985";
 * "4 March 1985"), or the one that a word of eight digits does ("19850304").
 */
export function datesOf(w: readonly string[]): string[] {
  const out: string[] = [];
  const push = (s: string | undefined) => s && !out.includes(s) && out.push(s);
  if (w.length === 1) {
    if (/^\d{8}$/.test(w[0]!)) push(ymd(+w[0]!.slice(0, 4), +w[0]!.slice(4, 6), +w[0]!.slice(6)));
    return out;
  }
  const [a, b, c] = w as [string, string, string];
  if (/^\d{4}$/.test(a)) push(ymd(num(a), num(b), num(c)));
  if (/^\d{4}$/.test(c)) {
    const y = num(c);
    push(ymd(y, num(a), num(b)));
    push(ymd(y, num(b), num(a)));
    push(ymd(y, monthOf(a), num(b)));
    push(ymd(y, monthOf(b), num(a)));
  }
  return out;
}

/** A date in a table cell, written in any of those ways; US order first when the day could be a month. */
export function tableDate(words: readonly string[]): string | undefined {
  return datesOf(words.length === 3 || words.length === 1 ? words : [])[0];
}
