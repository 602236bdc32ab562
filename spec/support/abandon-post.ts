import { connect } from 'node:net';

/** Sends the head of a POST to `url` + `path` that promises more body than it sends, then hangs up (Node only). */
export function abandonPost(url: string, path: string): Promise<void> {
  const { hostname, port } = new URL(url);
  return new Promise((done) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(`POST ${path} HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"rul`);
      setTimeout(() => socket.destroy(), 50);
    });
    socket.on('close', () => done());
    socket.on('error', () => undefined);
  });
}

/** Collects the process's unhandled rejections between `beforeAll` and `afterAll` of the enclosing suite. */
export function watchUnhandledRejections(): readonly unknown[] {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown): void => void rejections.push(reason);
  beforeAll(() => process.on('unhandledRejection', onRejection));
  afterAll(() => process.off('unhandledRejection', onRejection));
  return rejections;
}
