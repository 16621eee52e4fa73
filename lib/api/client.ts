import type { TFieldError } from "@/lib/errors";
import { labelledFieldMessage } from "./field-labels";

/** An error answer of `/api/v1`, with the field errors of a 400 keyed by field name. */
export class ApiRequestError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly fields: TFieldError[] = [],
    public readonly requestId?: string,
    /** For a 409: the record as it is now, so the page can show what changed. */
    public readonly current?: unknown,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }

  /** For a 403 `step_up_required`: the ways this person can confirm it is them. */
  stepUpMethods: string[] = [];

  /** The server's message followed by each invalid field and its reason: for a toast. */
  describe(): string {
    if (this.fields.length === 0) return this.message;
    return `${this.message} ${this.fields.map((field) => labelledFieldMessage(field.path, field.message)).join("; ")}`;
  }

  /**
   * `{ name: "is required" }` from `body.name`; errors about the body as a whole land on `form`.
   * Keyed by the top field unless `depth` is "path", which keeps `operations.0.flow.ports` whole for
   * forms that show an error on each item of a list.
   */
  fieldMessages(prefix = "body", depth: "field" | "path" = "field"): Record<string, string> {
    const messages: Record<string, string> = {};
    for (const field of this.fields) {
      const path = field.path.replace(new RegExp(`^${prefix}\\.`), "");
      const key = field.path === prefix || field.path === "(root)" ? "form" : depth === "path" ? path : path.split(".")[0]!;
      messages[key] ??= field.message;
    }
    return messages;
  }
}

/**
 * What a form shows for a failed submission (a 400, or a 409 that names a field such as a name
 * already taken): each invalid field's message under its key, naming the field as the form labels
 * it ("Protect surfaces: pick at least one protect surface"); or the server's message (or a network
 * failure) under `form`. Every form maps its errors here, so the wording is the same everywhere.
 */
export function formErrorsOf(
  error: unknown,
  depth: "field" | "path" = "field",
  /** Where a form's label differs from the shared table ("Rule name" for `name`). */
  labels: Record<string, string> = {},
): Record<string, string> {
  if (error instanceof ApiRequestError) {
    const messages: Record<string, string> = {};
    for (const field of error.fields) {
      const path = field.path.replace(/^body\./, "");
      const key = field.path === "body" || field.path === "(root)" ? "form" : depth === "path" ? path : path.split(".")[0]!;
      messages[key] ??= key === "form" ? field.message : labelledFieldMessage(path, field.message, labels);
    }
    return Object.keys(messages).length > 0 ? messages : { form: error.message };
  }
  return { form: "The server could not be reached. Check your connection and try again." };
}

/** One line for a toast: the server's message with its field errors, or the failure's own message. */
export function describeError(error: unknown): string {
  if (error instanceof ApiRequestError) return error.describe();
  return error instanceof Error ? error.message : String(error);
}

/**
 * Asks the person to confirm it is them (the step-up dialog); resolves true once they have. Set by
 * the app's providers; without one, a `step_up_required` answer is an ordinary error.
 */
export type TStepUpPrompt = (methods: string[]) => Promise<boolean>;
let stepUpPrompt: TStepUpPrompt | null = null;

export function setStepUpPrompt(prompt: TStepUpPrompt | null): void {
  stepUpPrompt = prompt;
}

/**
 * Calls the JSON API from the browser (the one client every domain uses); any non-2xx answer becomes
 * an ApiRequestError. A decision refused for want of a recent step-up is asked for in place and then
 * sent again as it was, so nobody retypes anything.
 */
export async function apiFetch<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  try {
    return await apiFetchOnce<T>(path, init);
  } catch (error) {
    if (!(error instanceof ApiRequestError) || error.code !== "step_up_required" || !stepUpPrompt) throw error;
    if (!(await stepUpPrompt(error.stepUpMethods))) throw error;
    return apiFetchOnce<T>(path, init);
  }
}

async function apiFetchOnce<T>(path: string, init: { method?: string; body?: unknown }): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? "GET",
    headers: init.body === undefined ? undefined : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const payload = (await response.json().catch(() => null)) as
    | (T & { error?: undefined })
    | { error?: { code: string; message: string; fields?: TFieldError[]; requestId?: string; current?: unknown; methods?: string[] } }
    | null;
  if (!response.ok) {
    const error = payload?.error;
    const failure = new ApiRequestError(
      response.status,
      error?.code ?? "http_error",
      error?.message ?? `The server answered ${response.status}.`,
      error?.fields,
      error?.requestId,
      error?.current,
    );
    failure.stepUpMethods = error?.methods ?? [];
    throw failure;
  }
  return payload as T;
}

/** Builds `?a=1&b=2` from the defined, non-empty values only: the one query-string helper of the app. */
export function toSearch(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}
