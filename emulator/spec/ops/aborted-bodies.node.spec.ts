import { startEmulator, type RunningEmulator } from '../../lib/index.js';
import { abandonPost, watchUnhandledRejections } from '../../../spec/support/abandon-post.js';

describe('emulator, a client that hangs up mid-body', () => {
  let emulator: RunningEmulator;
  const rejections = watchUnhandledRejections();

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });

  afterAll(async () => {
    await emulator.close();
  });

  for (const path of ['/__emulator/faults', '/files/local_copy/', '/base/', '/from_url/', '/multipart/start/']) {
    it(`on ${path} ends that exchange only: no unhandled rejection, the server keeps answering`, async () => {
      await abandonPost(emulator.url, path);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(rejections).toEqual([]);
      expect((await fetch(`${emulator.url}/__emulator/connections`)).status).toBe(200);
    });
  }
});
