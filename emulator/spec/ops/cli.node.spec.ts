import { CliUsageError, DEFAULT_CLI_PORT, parseCli } from '../../lib/cli-args.js';
import { announcedUrl, type EmulatorProcess, occupyPort, SLOW_SPEC_MS, spawnEmulator } from './support.js';

const REST_HEADERS = {
  Accept: 'application/vnd.uploadcare-v0.7+json',
  Authorization: 'Uploadcare.Simple demopublickey:demosecretkey',
};

describe('emulator command line', () => {
  describe('parsing', () => {
    it('defaults to port 8000 and no faults', () => {
      expect(parseCli([])).toEqual({ kind: 'run', options: { port: DEFAULT_CLI_PORT, strictPort: false, faults: { rules: [] } } });
    });

    it('takes PORT from the environment, and --port over it', () => {
      expect(parseCli([], { PORT: '9100' })).toEqual(jasmine.objectContaining({ options: jasmine.objectContaining({ port: 9100 }) }));
      expect(parseCli(['--port', '9200'], { PORT: '9100' })).toEqual(
        jasmine.objectContaining({ options: jasmine.objectContaining({ port: 9200 }) }),
      );
    });

    it('turns every flag into options', () => {
      const command = parseCli([
        '--host', '::1', '--strict-port', '--data-dir', '/tmp/x', '--seed-files', '30',
        '--project', 'pub1:sec1', '--project', 'pub2:sec2:signed',
        '--throttle-rate', '0.25', '--throttle-count', '4', '--retry-after', '2',
        '--latency', '100', '--latency-jitter', '50', '--error-rate', '0.1', '--error-status', '500',
        '--drop-rate', '0.05', '--drop-after-bytes', '1000', '--slow-body', '2048', '--fault-path', '/base/',
        '--fault', '{"kind":"throttle","count":1,"pathPrefix":"/files/"}', '--fault-seed', '99',
        '--trusted-origin', 'http://127.0.0.1:4200', '--trusted-origin', 'https://Dev.Example:8443',
      ]);
      expect(command).toEqual({
        kind: 'run',
        options: {
          port: 8000,
          strictPort: true,
          host: '::1',
          dataDir: '/tmp/x',
          seedFiles: 30,
          projects: [
            { publicKey: 'pub1', secretKey: 'sec1', requireSignedUploads: false },
            { publicKey: 'pub2', secretKey: 'sec2', requireSignedUploads: true },
          ],
          trustedOrigins: ['http://127.0.0.1:4200', 'https://dev.example:8443'],
          faults: {
            seed: 99,
            rules: [
              { kind: 'latency', pathPrefix: '/base/', latencyMs: 100, jitterMs: 50 },
              { kind: 'slow-body', pathPrefix: '/base/', bytesPerSecond: 2048 },
              { kind: 'throttle', pathPrefix: '/base/', rate: 0.25, count: 4, retryAfterSeconds: 2 },
              { kind: 'error', pathPrefix: '/base/', rate: 0.1, status: 500 },
              { kind: 'drop', pathPrefix: '/base/', rate: 0.05, afterBytes: 1000 },
              { kind: 'throttle', count: 1, pathPrefix: '/files/' },
            ],
          },
        },
      });
    });

    it('refuses bad values with a message naming the flag', () => {
      const cases: [string[], RegExp][] = [
        [['--port', 'eighty'], /--port must be an integer/],
        [['--port', '70000'], /--port must be an integer from 0 to 65535/],
        [['--throttle-rate', '1.5'], /--throttle-rate must be a fraction/],
        [['--error-rate', '0.1', '--error-status', '502'], /--error-status must be 500 or 503/],
        [['--retry-after', '3'], /--retry-after needs --throttle-rate or --throttle-count/],
        [['--project', 'only-a-key'], /--project must be PUBLIC_KEY:SECRET_KEY/],
        [['--project', 'a:b:unsigned'], /--project must be/],
        [['--fault', '{"kind":"latency"}'], /--fault: Invalid fault rule: latencyMs is required/],
        [['--fault', 'not json'], /--fault must be a JSON object/],
        [['--no-such-flag'], /no-such-flag/],
        [['--trusted-origin', 'http://127.0.0.1:4200/'], /--trusted-origin must be an origin/],
        [['--trusted-origin', 'http://127.0.0.1:4200/app'], /--trusted-origin must be an origin/],
        [['--trusted-origin', 'file:///x'], /--trusted-origin must be an origin/],
        [['--trusted-origin', '127.0.0.1:4200'], /--trusted-origin must be an origin/],
      ];
      for (const [argv, message] of cases) {
        expect(() => parseCli(argv)).withContext(argv.join(' ')).toThrowMatching(
          (error: unknown) => error instanceof CliUsageError && message.test(error.message),
        );
      }
    });

    it('answers --help', () => {
      expect(parseCli(['--help'])).toEqual({ kind: 'help' });
      expect(parseCli(['-h'])).toEqual({ kind: 'help' });
    });
  });

  describe('running', () => {
    const children: EmulatorProcess[] = [];
    const run = async (args: string[], env: Record<string, string> = {}): Promise<EmulatorProcess> => {
      const child = await spawnEmulator(args, env);
      children.push(child);
      return child;
    };

    afterEach(async () => {
      for (const child of children.splice(0)) {
        child.child.kill('SIGKILL');
        await child.exited;
      }
    });

    it('prints the bases, the demo keys and first commands that work, and closes cleanly on Ctrl-C', async () => {
      const emulator = await run(['--port', '0']);
      const url = await announcedUrl(emulator);
      const out = emulator.stdout();
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      for (const api of ['REST API', 'Upload API', 'CDN']) expect(out).toMatch(new RegExp(`${api} +${url}/\\n`));
      expect(out).toContain('public key demopublickey, secret key demosecretkey');
      expect(out).toContain(`-H "Authorization: Uploadcare.Simple demopublickey:demosecretkey" ${url}/project/`);
      expect(out).toContain(`curl -F UPLOADCARE_PUB_KEY=demopublickey -F UPLOADCARE_STORE=1 -F file=@package.json ${url}/base/`);

      const project = await fetch(`${url}/project/`, { headers: REST_HEADERS });
      expect(project.status).toBe(200);
      expect(await project.json()).toEqual(jasmine.objectContaining({ pub_key: 'demopublickey' }));

      emulator.child.kill('SIGINT');
      expect(await emulator.exited).toBe(0);
      expect(emulator.stdout()).toContain('SIGINT: closing the emulator');
    }, SLOW_SPEC_MS);

    it('prints the help and exits 0', async () => {
      const emulator = await run(['--help']);
      expect(await emulator.exited).toBe(0);
      expect(emulator.stdout()).toContain('--data-dir DIR');
      expect(emulator.stdout()).toContain('--throttle-rate F');
    }, SLOW_SPEC_MS);

    it('exits 2 with a message for a bad flag or a non-loopback host', async () => {
      const badFlag = await run(['--throttle-rate', 'lots']);
      expect(await badFlag.exited).toBe(2);
      expect(badFlag.stderr()).toContain('--throttle-rate must be a fraction');
      const publicHost = await run(['--host', '0.0.0.0', '--port', '0']);
      expect(await publicHost.exited).toBe(2);
      expect(publicHost.stderr()).toContain('0.0.0.0 is not a loopback address');
    }, SLOW_SPEC_MS);

    describe('with a taken port', () => {
      let taken: number;
      let release: () => Promise<void>;

      beforeEach(async () => {
        ({ port: taken, release } = await occupyPort());
      });

      afterEach(() => release());

      it('moves to the next free port (PORT from the environment)', async () => {
        const emulator = await run([], { PORT: String(taken) });
        const url = await announcedUrl(emulator);
        expect(Number(new URL(url).port)).toBeGreaterThan(taken);
        expect(emulator.stdout()).toContain(`(port ${taken} was taken)`);
        expect((await fetch(`${url}/__emulator/connections`)).status).toBe(200);
      }, SLOW_SPEC_MS);

      it('fails with --strict-port', async () => {
        const emulator = await run(['--port', String(taken), '--strict-port']);
        expect(await emulator.exited).toBe(1);
        expect(emulator.stderr()).toContain(`Cannot listen on 127.0.0.1 port ${taken}`);
      }, SLOW_SPEC_MS);
    });

    it('applies fault flags from the start', async () => {
      const emulator = await run(['--port', '0', '--throttle-count', '1', '--retry-after', '9', '--fault-path', '/project/', '--fault-seed', '5']);
      const url = await announcedUrl(emulator);
      expect(emulator.stdout()).toContain('Fault        f1 throttle {"pathPrefix":"/project/","count":1,"retryAfterSeconds":9}');
      const throttled = await fetch(`${url}/project/`, { headers: REST_HEADERS });
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get('retry-after')).toBe('9');
      expect(await throttled.json()).toEqual({ detail: 'Request was throttled. Expected available in 9 seconds.' });
      expect((await fetch(`${url}/project/`, { headers: REST_HEADERS })).status).toBe(200);
      const faults = (await (await fetch(`${url}/__emulator/faults`)).json()) as { seed: number };
      expect(faults.seed).toBe(5);
    }, SLOW_SPEC_MS);

    it('serves --project keys without printing their secret', async () => {
      const emulator = await run(['--port', '0', '--project', 'mypub:mysecret:signed']);
      const url = await announcedUrl(emulator);
      expect(emulator.stdout()).toContain('public key mypub, secret key (as given), signed uploads required');
      expect(emulator.stdout()).not.toContain('mysecret');
      const project = await fetch(`${url}/project/`, {
        headers: { ...REST_HEADERS, Authorization: 'Uploadcare.Simple mypub:mysecret' },
      });
      expect(project.status).toBe(200);
      const demo = await fetch(`${url}/project/`, { headers: REST_HEADERS });
      expect(demo.status).toBe(401);
    }, SLOW_SPEC_MS);
  });
});
