// The only things UpNest keeps in the browser are the tokens. The access token (15 minutes) lives in
// memory only. The refresh token is in localStorage so a parent stays signed in; it is single-use
// (the API rotates it on every renewal and a reused one revokes the whole session), the page's CSP
// allows scripts from this origin only, and signing out revokes it on the server.
import type { components } from './api/schema';

type Tokens = components['schemas']['TokenResponse'];
const REFRESH_KEY = 'upnest.refreshToken';
const listeners = new Set<() => void>();
let accessToken: string | null = null;
let renewing: Promise<string | null> | null = null;

function notify() {
  for (const listener of listeners) listener();
}

function store(tokens: Tokens) {
  accessToken = tokens.accessToken;
  localStorage.setItem(REFRESH_KEY, tokens.refreshToken);
  notify();
}

function clear() {
  accessToken = null;
  localStorage.removeItem(REFRESH_KEY);
  notify();
}

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });
}

/** One renewal at a time across tabs: two tabs spending the same refresh token would end the session. */
async function renewOnce(): Promise<string | null> {
  const run = async () => {
    const refreshToken = localStorage.getItem(REFRESH_KEY);
    if (!refreshToken) return null;
    const response = await post('/v1/auth/refresh', { refreshToken });
    if (!response.ok) {
      if (response.status === 401) clear();
      return null;
    }
    store(await response.json());
    return accessToken;
  };
  return navigator.locks ? navigator.locks.request('upnest-refresh', run) : run();
}

export const session = {
  accessToken: () => accessToken,
  canRenew: () => localStorage.getItem(REFRESH_KEY) !== null,
  signedIn: () => accessToken !== null || localStorage.getItem(REFRESH_KEY) !== null,
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  accept: store,
  renew(): Promise<string | null> {
    renewing ??= renewOnce().finally(() => (renewing = null));
    return renewing;
  },
  /** The API refused a fresh token too: the session is over. */
  expired: clear,
  async signOut() {
    const refreshToken = localStorage.getItem(REFRESH_KEY);
    clear();
    if (refreshToken) await post('/v1/auth/logout', { refreshToken }).catch(() => undefined);
  },
  post,
};
