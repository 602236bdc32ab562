import { abandonPost, watchUnhandledRejections } from './abandon-post.js';
import { startScriptServer } from './script-server.js';

// The scripted server runs inside the Karma process too, where an unhandled rejection ends the whole browser run.
describe('script server, a client that hangs up mid-body', () => {
  const rejections = watchUnhandledRejections();

  it('ends that exchange only: no unhandled rejection, the server keeps answering', async () => {
    const server = await startScriptServer();
    try {
      await abandonPost(server.url, '/anything');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(rejections).toEqual([]);
      expect((await fetch(`${server.url}/__script/log`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
