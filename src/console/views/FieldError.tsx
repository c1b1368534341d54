import type { ApiError } from '../api';

/** The API's message about one field, beside it (the field names it with aria-describedby). */
export function FieldError({ error, path, id }: { error: ApiError | undefined; path: string; id: string }) {
  const message = error?.issues.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message;
  return message ? (
    <span id={id} class="field-error">
      {message}
    </span>
  ) : null;
}

/** aria-invalid and aria-describedby for a field the API found fault with. */
export const invalidAt = (error: ApiError | undefined, path: string, id: string) =>
  error?.issues.some((i) => i.path === path || i.path.startsWith(`${path}.`)) ? { 'aria-invalid': true as const, 'aria-describedby': id } : {};
