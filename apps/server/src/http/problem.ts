import type { Problem } from '@baton/contracts';

export type FieldError = { field: string; rule: string; message: string };

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  428: 'Precondition required',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** An error that becomes an RFC 9457 problem+json response. */
export class ProblemError extends Error {
  readonly status: number;
  readonly type: string;
  readonly errors: FieldError[] | undefined;
  readonly extra: Partial<Problem>;

  constructor(
    status: number,
    type: string,
    detail: string,
    errors?: FieldError[],
    extra: Partial<Problem> = {},
  ) {
    super(detail);
    this.status = status;
    this.type = type;
    this.errors = errors;
    this.extra = extra;
  }

  toProblem(instance?: string): Problem {
    return {
      type: `https://baton.dev/problems/${this.type}`,
      title: TITLES[this.status] ?? 'Error',
      status: this.status,
      detail: this.message,
      ...(instance ? { instance } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
      ...this.extra,
    };
  }
}

export const notFound = (what: string) => new ProblemError(404, 'not-found', `${what} was not found.`);
export const forbidden = (detail = 'You do not have permission to do this here.') =>
  new ProblemError(403, 'forbidden', detail);
export const invalid = (field: string, rule: string, message: string) =>
  new ProblemError(422, 'validation', `${field}: ${message}`, [{ field, rule, message }]);
export const conflict = (detail: string, errors?: FieldError[], extra: Partial<Problem> = {}) =>
  new ProblemError(409, 'conflict', detail, errors, extra);
export const staleVersion = (current: number, sent: number) =>
  new ProblemError(
    409,
    'stale-version',
    `This record was changed by someone else: you sent version ${sent}, the current version is ${current}.`,
    [{ field: 'version', rule: 'current', message: `must be ${current}` }],
    { currentVersion: current },
  );

/** A size as people read it: "25 MiB", "1.5 MiB", "512 KiB". */
export function formatSize(bytes: number): string {
  const mib = bytes / 1_048_576;
  if (mib >= 1) return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`;
  return `${Math.round(bytes / 1024)} KiB`;
}

/** 413 naming the limit that was exceeded (`what`: "the request body", "a document"). */
export const tooLarge = (limit: number, what = 'the request body') =>
  new ProblemError(
    413,
    'body-too-large',
    `This is larger than the limit of ${formatSize(limit)} (${limit} bytes) for ${what}.`,
  );
