import { connect } from 'node:net';

/** The machine's NATS JetStream, which the relay's tests and the integration bench use. */
export const NATS = { host: '127.0.0.1', port: 4222 };

/** Whether something accepts TCP connections there, within two seconds. */
export async function natsReachable(host = NATS.host, port = NATS.port): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, host);
    socket.setTimeout(2000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}
