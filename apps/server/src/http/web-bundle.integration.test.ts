import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../test-support/harness.ts';

let h: Harness;

beforeAll(async () => {
  const dist = mkdtempSync(join(tmpdir(), 'baton-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Baton</title><div id="root"></div>');
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
  h = await startHarness({ webDist: dist });
});
afterAll(() => h.close());

describe('the web bundle', () => {
  it('serves the app at the root and at every page URL, so links can be shared', async () => {
    for (const url of ['/', '/projects', '/projects/6f1c2b9e-0a4d-4c55-9a77-0d3f0f0c1a11?tab=history']) {
      const res = await h.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('<div id="root">');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    }
  });

  it('serves assets, and answers unknown API paths and files with a problem, not the app', async () => {
    const asset = await h.app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['x-content-type-options']).toBe('nosniff');
    const api = await h.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
    expect((await h.app.inject({ method: 'GET', url: '/missing.js' })).statusCode).toBe(404);
  });
});
