/** Errors a service may throw; the API wrapper maps each to its HTTP status. */
export type TFieldError = { path: string; message: string };

export class AppError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(
    public readonly fields: TFieldError[],
    message = "The request is invalid.",
  ) {
    super(400, "validation_failed", message, { fields });
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = "Sign in to continue.") {
    super(401, "unauthorized", message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "You are not allowed to do this.") {
    super(403, "forbidden", message);
  }
}

export class NotFoundError extends AppError {
  constructor(entity: string) {
    super(404, "not_found", `${entity} was not found.`);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, current?: unknown) {
    super(409, "conflict", message, current === undefined ? undefined : { current });
  }
}

/** A request the rules refuse (an illegal transition, a second sign-off by one person...). */
export class RuleViolationError extends AppError {
  constructor(message: string, code = "rule_violation") {
    super(409, code, message);
  }
}

/** A limit was reached; the client may try again after `retryAfterSeconds` (sent as Retry-After). */
export class TooManyRequestsError extends AppError {
  constructor(public readonly retryAfterSeconds: number) {
    super(429, "rate_limited", "Too many requests. Try again later.", { retryAfterSeconds });
  }
}

/**
 * A name already taken (names are unique whatever their case): a 409 that also names the field, so
 * the form shows the message under it.
 */
export class UniqueNameError extends AppError {
  constructor(field: string, message: string) {
    super(409, "name_taken", message, { fields: [{ path: field, message }] });
  }
}
