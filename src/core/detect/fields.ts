/**
 * The fields of one send (a form's inputs, a request's form data) read as one text, the way the recipient reads
 * them. Each value stands on its own line; a run of adjacent short values of letters and digits (an SSN typed into
 * three boxes, a card number into four, "219-09" and "9999", a phone number as "(555)", "123", "4567") also stands
 * joined with dashes on a line of its own, so that an identifier split over fields is still one identifier.
 * A piece holds a digit: a value of letters alone (a name, a label) ends a run rather than joining it. A piece may
 * carry the separator typed with it ("219-", "(555)") and spaces, dots or dashes inside ("219 09").
 */
const PIECE = /^[\p{L}\p{N}]+(?:[-. /][\p{L}\p{N}]+)*$/u;
/** What a piece may begin or end with: the separators and brackets people type into split boxes. */
const EDGES = /^[-‐-―.()/\s]+|[-‐-―.()/\s]+$/gu;
const DIGIT = /\p{N}/u;
/** Longer values are text of their own, not pieces of an identifier. */
const PIECE_MAX = 12;

export function textOfFields(values: readonly string[]): string {
  const lines = values.map((v) => v.trim()).filter(Boolean);
  const joined: string[] = [];
  let run: string[] = [];
  const close = () => {
    if (run.length > 1) joined.push(run.join('-'));
    run = [];
  };
  for (const v of lines) {
    const piece = v.replace(EDGES, '');
    if (piece.length <= PIECE_MAX && DIGIT.test(piece) && PIECE.test(piece)) run.push(piece);
    else close();
  }
  close();
  return [...lines, ...joined].join('\n');
}
