/** A failed API call, carrying the server's message and the reason for each invalid field. */
export class ApiCallError extends Error {
  constructor(
    message: string,
    public readonly status: number,
    public readonly fields: Array<{ path: string; message: string }> = [],
  ) {
    super(message);
  }
}

/** JSON in, JSON out, for the browser's calls to /api/v1; throws ApiCallError on any non-2xx. */
export async function apiJson<T>(url: string, init?: { method?: string; body?: unknown }): Promise<T> {
  const response = await fetch(url, {
    method: init?.method ?? "GET",
    headers: init?.body === undefined ? undefined : { "content-type": "application/json" },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const payload = (await response.json().catch(() => null)) as { error?: { message?: string; fields?: Array<{ path: string; message: string }> } } | null;
  if (!response.ok) {
    const fields = payload?.error?.fields ?? [];
    const detail = fields.map((field) => `${field.path.replace(/^body\./, "")} ${field.message}`).join("; ");
    throw new ApiCallError([payload?.error?.message ?? `Request failed (${response.status}).`, detail].filter(Boolean).join(" "), response.status, fields);
  }
  return payload as T;
}
