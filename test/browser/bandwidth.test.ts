import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { runAlone } from '../support/run-lock-client.js';
import { runPreflight } from '../../src/runner.js';
import type { BandwidthData } from '../../src/report/schema.js';
import { MAX_BYTES, PACE_KBPS } from '../../src/checks/bandwidth.js';

interface TurnConfig { host: string; port: number; username: string; credential: string; iceServers: RTCIceServer[] }

describe('bandwidth check through real coturn', () => {
  runAlone(); // throughput and time are measured
  it('measures paced throughput through the relay, above 100 kbit/s, with bounded bytes', async () => {
    const turn = await executeServerCommand<TurnConfig, undefined>('turn-config');
    const t0 = performance.now();
    const report = await runPreflight({ checks: ['bandwidth'], iceServers: turn.iceServers });
    const r = report.checks[0]!;
    const d = r.data as BandwidthData;
    expect(r.verdict, r.summary).to.equal('pass');
    expect(d.upKbps!).to.be.within(100, PACE_KBPS * 1.1);
    expect(d.downKbps!).to.be.within(100, PACE_KBPS * 1.1);
    expect(d.bytes).to.be.at.most(2 * MAX_BYTES);
    expect(d.requiredKbps).to.equal(100);
    expect(d.method).to.contain(`turn:${turn.host}:${turn.port}?transport=udp`);
    expect(JSON.stringify(report)).not.to.contain(turn.credential);
    expect(performance.now() - t0).to.be.below(8000);
  });

  it('skips with a reason when no servers are configured', async () => {
    const report = await runPreflight({ checks: ['bandwidth'], iceServers: [] });
    expect(report.checks[0]!.verdict).to.equal('skip');
    expect(report.checks[0]!.code).to.equal('no-servers');
  });

  it('fails below 100 kbit/s behind a real 60 kbit/s bottleneck (the proxy serializes and tail-drops)', async () => {
    const proxy = await executeServerCommand<{ port: number; iceServers: RTCIceServer[] }, { profile: object }>('proxy-start', { profile: { rateKbps: 60, queueMs: 500 } });
    try {
      const report = await runPreflight({ checks: ['bandwidth'], iceServers: proxy.iceServers });
      const r = report.checks[0]!;
      const d = r.data as BandwidthData;
      expect(r.verdict, r.summary).to.equal('fail');
      expect(r.code).to.equal('low-bandwidth');
      expect(Math.min(d.upKbps!, d.downKbps!)).to.be.below(100);
      expect(r.summary).to.match(/below the 100 kbit\/s/);
    } finally {
      await executeServerCommand('proxy-stop', { port: proxy.port });
    }
  });
});
