/** The console's only way to the backend: same-origin JSON with the session cookie. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: Array<{ path: string; message: string }> = [],
    /** The API's error code ('totp-required', 'cross-site', ...). */
    readonly code = '',
  ) {
    super(message);
  }
}

/** `body` goes as JSON; `text` as is, with its media type (a CSV file). */
export async function api<T>(path: string, init: { method?: string; body?: unknown; text?: { body: string; type: string } } = {}): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: init.text ? { 'Content-Type': init.text.type } : init.body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: init.text ? init.text.body : init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const data = (await response.json().catch(() => ({}))) as { error?: string; message?: string; issues?: Array<{ path: string; message: string }>; errors?: Array<{ path: string; message: string }> };
  if (!response.ok) throw new ApiError(response.status, data.message ?? `HTTP ${response.status}`, data.issues ?? data.errors, data.error);
  return data as T;
}

export interface Me {
  name: string;
  role: string;
  permissions: string[];
}

export const query = (params: Record<string, string | undefined>): string => {
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1]));
  return q.size ? `?${q}` : '';
};

export const when = (ms: number | string): string => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
