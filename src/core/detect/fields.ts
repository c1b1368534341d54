/**
 * The fields of one send (a form's inputs, a request's form data) read as one text, the way the recipient reads
 * them. Each value stands on its own line; a run of adjacent short values of letters and digits (an SSN typed into
 * three boxes, a card number into four, "219-09" and "9999") also stands joined with dashes on a line of its own,
 * so that an identifier split over fields is still one identifier.
 */
const PIECE = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u;
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
    if (v.length <= PIECE_MAX && PIECE.test(v)) run.push(v);
    else close();
  }
  close();
  return [...lines, ...joined].join('\n');
}
