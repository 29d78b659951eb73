// The fleet view's collector client: a search that sends cause codes (`causes=`) still works against a
// collector older than that parameter, which refuses it with a 400.
import { describe, expect, it } from 'vitest';
import { FleetApi, FleetApiError } from '../../src/elements/ccp-preflight-fleet/fleet-api.js';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('FleetApi.agents', () => {
  it('asks again without causes= when the collector refuses the parameter (400)', async () => {
    const asked: string[] = [];
    const api = new FleetApi('http://collector.example/', 'read-token', (async (url: string) => {
      asked.push(url);
      return new URL(url).searchParams.has('causes') ? json(400, { error: 'querystring must NOT have additional properties' }) : json(200, { total: 1, agents: [] });
    }) as unknown as typeof fetch);
    const page = await api.agents({ q: 'pérdida', causes: 'media/high-loss', limit: 25, offset: 0 });
    expect(page.total).toBe(1);
    expect(asked).toHaveLength(2);
    expect(new URL(asked[1]!).searchParams.get('q')).toBe('pérdida');
    expect(new URL(asked[1]!).searchParams.has('causes')).toBe(false);
  });

  it('a 400 without causes, or another error, is not retried', async () => {
    let calls = 0;
    const api = new FleetApi('http://collector.example', 't', (async () => (calls++, json(400, { error: 'limit must be <= 100' }))) as unknown as typeof fetch);
    await expect(api.agents({ q: 'x', limit: 500, offset: 0 })).rejects.toBeInstanceOf(FleetApiError);
    expect(calls).toBe(1);
    calls = 0;
    const down = new FleetApi('http://collector.example', 't', (async () => (calls++, json(401, { error: 'bad token' }))) as unknown as typeof fetch);
    await expect(down.agents({ q: 'x', causes: 'media/fail', limit: 25, offset: 0 })).rejects.toMatchObject({ status: 401 });
    expect(calls).toBe(1);
  });
});
