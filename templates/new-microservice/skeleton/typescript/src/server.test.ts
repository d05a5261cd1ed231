import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createApp } from './server';

describe('health endpoints', () => {
  let ready = false;
  let server: Server;
  let baseUrl: string;

  before(async () => {
    server = createApp({ isReady: () => ready });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('GET /healthz answers 200 {"status":"ok"}', async () => {
    const res = await fetch(`${baseUrl}/healthz`);

    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json');
    assert.deepEqual(await res.json(), { status: 'ok' });
  });

  it('GET /readyz answers 503 until ready, then 200', async () => {
    ready = false;
    assert.equal((await fetch(`${baseUrl}/readyz`)).status, 503);

    ready = true;
    const res = await fetch(`${baseUrl}/readyz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ready' });
  });

  it('answers 404 for unknown paths', async () => {
    assert.equal((await fetch(`${baseUrl}/nope`)).status, 404);
  });
});
