import type { Problem } from '@baton/contracts';

export type FieldProblem = { field: string; rule: string; message: string };

/** An error answer of the API (application/problem+json), or a network failure (status 0). */
export class ApiProblem extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: readonly FieldProblem[];
  readonly currentVersion: number | undefined;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiProblem';
    this.status = problem.status;
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
    this.currentVersion = problem.currentVersion;
  }

  /** The first message the server gave for a field, if any. */
  messageFor(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }
}

export function isApiProblem(error: unknown, status?: number): error is ApiProblem {
  return error instanceof ApiProblem && (status === undefined || error.status === status);
}

/** A sentence to show for any error. */
export function describeError(error: unknown): string {
  if (error instanceof ApiProblem) {
    if (error.status === 403) return 'You do not have permission to do this.';
    if (error.status === 404) return 'This item does not exist or was deleted.';
    return error.detail ?? error.title;
  }
  if (error instanceof Error) return error.message;
  return 'An unexpected error occurred.';
}

let csrfToken: string | null = null;
let onUnauthorised: (() => void) | null = null;

/** Remembers the session's CSRF token; every write sends it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request (other than sign-in and the session probe) answers 401. */
export function setUnauthorisedHandler(handler: (() => void) | null): void {
  onUnauthorised = handler;
}

export type QueryValue = string | number | boolean | null | undefined | readonly string[];

/** Builds "?a=1&b=x,y" from the defined, non-empty values. */
export function toQueryString(params: Readonly<Record<string, QueryValue>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(key, value.join(','));
    } else {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

type ApiFetchOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A body sent as-is (a file's text, or its bytes) with this content type, instead of JSON. */
  raw?: { text: string | Blob; contentType: string };
  query?: Readonly<Record<string, QueryValue>>;
  signal?: AbortSignal | undefined;
  /** Do not trigger the sign-in redirect on 401 (the session probe and sign-in itself). */
  quiet401?: boolean;
};

const BASE = '/api/v1';

/**
 * The one way the browser talks to the API: same-origin cookies, JSON both ways, the CSRF header on
 * writes, and problem+json answers turned into an ApiProblem.
 */
export async function apiFetch<T>(path: string, options: ApiFetchOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.raw) headers['content-type'] = options.raw.contentType;
  else if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}${options.query ? toQueryString(options.query) : ''}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.raw ? options.raw.text : options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiProblem({
      type: 'network',
      title: 'Network error',
      status: 0,
      detail: 'Baton could not reach the server. Check your connection and try again.',
    });
  }
  if (response.ok) {
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
  const problem = await readProblem(response);
  if (response.status === 401 && !options.quiet401) onUnauthorised?.();
  throw new ApiProblem(problem);
}

/**
 * A file from the API (an export, a PDF): the same cookies, CSRF header and problem handling as
 * apiFetch, answered with the bytes and the file name the server gave in Content-Disposition.
 */
export async function apiDownload(
  path: string,
  options: Pick<ApiFetchOptions, 'method' | 'body' | 'query' | 'signal'> = {},
): Promise<{ blob: Blob; fileName: string }> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}${options.query ? toQueryString(options.query) : ''}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiProblem({
      type: 'network',
      title: 'Network error',
      status: 0,
      detail: 'Baton could not reach the server. Check your connection and try again.',
    });
  }
  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401) onUnauthorised?.();
    throw new ApiProblem(problem);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? path.split('/').pop() ?? 'download';
  return { blob: await response.blob(), fileName };
}

/** Hands a blob to the browser as a download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function readProblem(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<Problem>;
      return {
        type: body.type ?? 'about:blank',
        title: body.title ?? response.statusText,
        status: body.status ?? response.status,
        ...(body.detail !== undefined ? { detail: body.detail } : {}),
        ...(body.errors !== undefined ? { errors: body.errors } : {}),
        ...(body.currentVersion !== undefined ? { currentVersion: body.currentVersion } : {}),
      };
    } catch {
      // fall through to a generic problem
    }
  }
  return {
    type: 'about:blank',
    title: response.statusText || 'Error',
    status: response.status,
    detail: `The server answered ${response.status} ${response.statusText}.`,
  };
}
