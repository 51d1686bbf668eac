// A small typed fetch wrapper over the generated OpenAPI types: paths, bodies and responses are
// checked against the API's own document, so a contract change breaks the build, not the parent.
import type { components, paths } from './schema';
import { session } from '../session';

export type Schemas = components['schemas'];
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Op<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type JsonOf<C> = C extends { content: { 'application/json': infer T } } ? T : void;
type Success<O> = O extends { responses: infer R }
  ? R extends { 200: infer A } ? JsonOf<A> : R extends { 201: infer B } ? JsonOf<B> : void
  : never;
type BodyOf<O> = O extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? Q : never;
type PathsWith<M extends Method> = { [P in keyof paths]: paths[P][M] extends undefined | never ? never : P }[keyof paths];

export interface Options<O> {
  path?: Record<string, string>;
  query?: QueryOf<O>;
  ifMatch?: string | number;
}

/** An RFC 9457 problem answered by the API; `errors` names the fields it concerns. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: Record<string, string[]>,
  ) {
    super(detail ?? title);
  }

  /** What to tell the parent, in words, when no field owns the problem. */
  get explanation(): string {
    if (this.status === 403) {
      return this.detail
        ? `You can't do that: ${this.detail}`
        : "You can't do that: your access to this baby lets you view records but not change them.";
    }
    if (this.status === 404) return 'Not found: it may have been deleted, or it is no longer shared with you.';
    if (this.status === 409) return this.detail ?? 'That already exists.';
    if (this.status === 412) return 'Someone changed this in the meantime. Reload to see the latest version.';
    if (this.status === 429) return 'Too many requests just now. Please wait a moment and try again.';
    if (this.status >= 500) return 'UpNest could not answer just now. Please try again in a moment.';
    return this.detail ?? this.title;
  }
}

function url(template: string, path?: Record<string, string>, query?: object): string {
  let result = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(path?.[name] ?? ''));
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const qs = search.toString();
  if (qs) result += '?' + qs;
  return result;
}

async function problemFrom(response: Response): Promise<ApiError> {
  let body: { title?: string; detail?: string; errors?: Record<string, string[] | string> } = {};
  try {
    body = await response.json();
  } catch {
    // not JSON: keep the status alone
  }
  const errors: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(body.errors ?? {})) {
    errors[key.charAt(0).toLowerCase() + key.slice(1)] = Array.isArray(value) ? value : [value];
  }
  return new ApiError(response.status, body.title ?? response.statusText, body.detail, errors);
}

/** Sends with the access token; an expired one is renewed once, silently, and the call repeated. */
export async function send(method: string, target: string, body?: unknown, ifMatch?: string | number, accept = 'application/json'): Promise<Response> {
  const attempt = (token: string | null) => {
    const headers: Record<string, string> = { accept };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (ifMatch !== undefined) headers['if-match'] = `"${ifMatch}"`;
    return fetch(target, { method: method.toUpperCase(), headers, body: body === undefined ? undefined : JSON.stringify(body) });
  };
  let token = session.accessToken();
  if (!token && session.canRenew()) token = await session.renew();
  let response = await attempt(token);
  if (response.status === 401 && token && session.canRenew()) {
    token = await session.renew();
    if (token) response = await attempt(token);
  }
  if (response.status === 401 && token) session.expired();
  if (!response.ok) throw await problemFrom(response);
  return response;
}

async function call(method: Method, template: string, body: unknown, options?: Options<unknown>): Promise<unknown> {
  const response = await send(method, url(template, options?.path, options?.query as unknown as object), body, options?.ifMatch);
  if (response.status === 204) return undefined;
  return (response.headers.get('content-type') ?? '').includes('json') ? response.json() : response.text();
}

export const api = {
  get: <P extends PathsWith<'get'>>(p: P, o?: Options<Op<P, 'get'>>) => call('get', p, undefined, o as Options<unknown>) as Promise<Success<Op<P, 'get'>>>,
  delete: <P extends PathsWith<'delete'>>(p: P, o?: Options<Op<P, 'delete'>>) => call('delete', p, undefined, o as Options<unknown>) as Promise<Success<Op<P, 'delete'>>>,
  post: <P extends PathsWith<'post'>>(p: P, body: BodyOf<Op<P, 'post'>> | undefined, o?: Options<Op<P, 'post'>>) =>
    call('post', p, body, o as Options<unknown>) as Promise<Success<Op<P, 'post'>>>,
  put: <P extends PathsWith<'put'>>(p: P, body: BodyOf<Op<P, 'put'>>, o?: Options<Op<P, 'put'>>) =>
    call('put', p, body, o as Options<unknown>) as Promise<Success<Op<P, 'put'>>>,
  patch: <P extends PathsWith<'patch'>>(p: P, body: BodyOf<Op<P, 'patch'>>, o?: Options<Op<P, 'patch'>>) =>
    call('patch', p, body, o as Options<unknown>) as Promise<Success<Op<P, 'patch'>>>,
  /** A non-JSON answer (SVG chart, CSV/FHIR export) as a Blob. */
  blob: async <P extends PathsWith<'get'>>(p: P, o?: Options<Op<P, 'get'>>) =>
    (await send('get', url(p, o?.path, o?.query as unknown as object), undefined, undefined, '*/*')).blob(),
  url,
};
