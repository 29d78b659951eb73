import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

interface TurnConfig { host: string; port: number; username: string; credential: string; iceServers: RTCIceServer[] }

describe('test rig', () => {
  it('gets a relay candidate from the coturn the test setup started', async () => {
    const turn = await executeServerCommand<TurnConfig, undefined>('turn-config');
    expect(turn.port).to.be.a('number');
    const pc = new RTCPeerConnection({ iceServers: [{ urls: `turn:${turn.host}:${turn.port}?transport=udp`, username: turn.username, credential: turn.credential }], iceTransportPolicy: 'relay' });
    pc.createDataChannel('x');
    const relay = new Promise<string>((resolve, reject) => {
      pc.onicecandidate = (e) => { if (e.candidate?.type === 'relay') resolve(e.candidate.address ?? ''); };
      setTimeout(() => reject(new Error('no relay in 5 s')), 5000);
    });
    await pc.setLocalDescription(await pc.createOffer());
    expect(await relay).to.equal('127.0.0.1');
    pc.close();
  });
});
