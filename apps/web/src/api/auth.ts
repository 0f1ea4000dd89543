import { apiFetch, isApiProblem } from './client.ts';
import type {
  ApiToken,
  ChangePasswordBody,
  CreateApiTokenBody,
  CreatedApiToken,
  SessionInfo,
} from './types.ts';

/** The signed-in session, or null when nobody is signed in. */
export async function fetchSession(): Promise<SessionInfo | null> {
  try {
    return await apiFetch<SessionInfo>('/auth/session', { quiet401: true });
  } catch (error) {
    if (isApiProblem(error, 401)) return null;
    throw error;
  }
}

export function signIn(email: string, password: string): Promise<SessionInfo> {
  return apiFetch<SessionInfo>('/auth/login', { method: 'POST', body: { email, password }, quiet401: true });
}

export function signOut(): Promise<{ ok: true }> {
  return apiFetch('/auth/logout', { method: 'POST', quiet401: true });
}

export function changePassword(body: ChangePasswordBody): Promise<{ ok: true }> {
  return apiFetch('/auth/password', { method: 'POST', body });
}

export function listTokens(): Promise<{ items: ApiToken[] }> {
  return apiFetch('/auth/tokens');
}

export function createToken(body: CreateApiTokenBody): Promise<CreatedApiToken> {
  return apiFetch('/auth/tokens', { method: 'POST', body });
}

export function revokeToken(id: string): Promise<{ ok: true }> {
  return apiFetch(`/auth/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
