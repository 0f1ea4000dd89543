import { describeError, isApiProblem } from '../../api/client.ts';

/** The server's per-field messages, keyed by field (first message per field wins). */
export function fieldErrorsOf(
  error: unknown,
  keyOf: (field: string) => string = (f) => f,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isApiProblem(error)) return out;
  for (const e of error.errors) {
    const key = keyOf(e.field);
    if (!(key in out)) out[key] = e.message;
  }
  return out;
}

/** A sentence for an error; on a refusal, the server's own reason when it gave one. */
export function problemText(error: unknown): string {
  if (isApiProblem(error, 403) && error.detail) return error.detail;
  return describeError(error);
}

/** Whether the error is a stale version (someone saved in between). */
export function isConflict(error: unknown): boolean {
  return isApiProblem(error, 409) || isApiProblem(error, 412);
}
