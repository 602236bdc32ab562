import { firstValueFrom, type Observable } from 'rxjs';
import { Uploadcare } from '../lib/client.js';
import type { UploadcareOptions } from '../lib/config.js';
import { UploadcareException } from '../lib/errors.js';
import type { ScriptedResponse } from './support/script-server.js';
import { enqueue, resetScript, scriptBase } from './transport/script.js';
import { reachableText } from './support/reachable-text.js';

// Every kind of error the transport raises, under both auth schemes, grepped for the secret: message, JSON, stack,
// every property and the cause chain.
const SECRET = 'S3CRET-5e7a9c1d0b2f4e6a8c0d';


async function errorOf(call: Observable<unknown>): Promise<unknown> {
  try {
    await firstValueFrom(call);
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('errors never hold the secret', () => {
  beforeEach(resetScript);

  for (const authScheme of ['signed', 'simple'] as const) {
    const client = (options: UploadcareOptions = {}): Uploadcare =>
      new Uploadcare({
        publicKey: 'pk',
        secretKey: SECRET,
        authScheme,
        restBase: scriptBase(),
        uploadBase: scriptBase(),
        timeoutMs: 300,
        retry: { throttled: { maxRetries: 0 }, network: { maxRetries: 0 } },
        ...options,
      });

    it(`with ${authScheme} auth, for every scripted failure`, async () => {
      const scripts: ScriptedResponse[] = [
        ...[400, 401, 403, 404, 409, 429, 500, 502, 503].map((status): ScriptedResponse => ({ status, echo: true })),
        { status: 200, headers: { 'Content-Type': 'text/html' }, body: `<html>${SECRET}</html>` },
        { status: 400, body: { error: { status_code: 400, content: `bad ${SECRET}`, error_code: 'X' } } },
        { action: 'hang' },
        { action: 'drop' },
        { action: 'truncate', body: `{"echo": "${SECRET}` },
      ];
      const errors: unknown[] = [];
      for (const script of scripts) {
        await resetScript();
        await enqueue(script, ...(script.action === 'drop' ? Array.from({ length: 7 }, () => script) : []));
        errors.push(await errorOf(client().rest('POST', 'files/', { secret: 'not really' })));
      }
      await resetScript();
      await enqueue({ status: 400, echo: true });
      errors.push(await errorOf(client().upload('POST', 'base/', { UPLOADCARE_STORE: 'auto' })));
      errors.push(await errorOf(client().request({ method: 'GET', url: 'http://127.0.0.1:9/' })));
      errors.push(await errorOf(client({ publicKey: undefined }).rest('GET', 'files/')));
      errors.push(await errorOf(client().rest('GET', 'http://127.0.0.2:1/files/')));
      errors.push(await errorOf(client({ authScheme: 'signed', signatureResolver: () => Promise.reject(new Error('no')) }).rest('GET', 'files/')));

      expect(errors.length).toBe(scripts.length + 5);
      for (const error of errors) {
        expect(error).toBeInstanceOf(UploadcareException);
        const text = reachableText(error);
        expect(text.includes(SECRET)).withContext(text.slice(0, 300)).toBeFalse();
      }
    });
  }
});
