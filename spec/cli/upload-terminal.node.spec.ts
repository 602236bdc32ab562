import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from 'rxuploadcare-emulator';
import { builtCli, tempDir, useCliTimeout } from './support/built-cli.js';
import { GateProxy } from './support/gate-proxy.js';
import { startSourceServer, type SourceServer } from './support/source-server.js';

const SIZE = 9 * 1024 * 1024;

/** A detached tmux server of its own (-L), so the spec never touches anyone else's sessions. */
class Tmux {
  private readonly socket = `ucare-spec-${process.pid}`;

  start(command: string, session = 'ucare'): void {
    this.run('new-session', '-d', '-s', session, '-x', '120', '-y', '20', command);
  }

  screen(session = 'ucare'): string {
    return this.run('capture-pane', '-p', '-t', session);
  }

  /** Captures the screen until `found` gives a value (tmux renders asynchronously); no time limit but the spec's. */
  async waitFor<T>(session: string, found: (screen: string) => T | undefined): Promise<T> {
    for (;;) {
      const value = found(this.screen(session));
      if (value !== undefined) return value;
      await new Promise((resume) => setTimeout(resume, 50));
    }
  }

  kill(): void {
    try {
      this.run('kill-server');
    } catch {
      // already gone
    }
  }

  private run(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }
}

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

describe('ucare upload in a terminal (tmux)', () => {
  useCliTimeout();
  let emulator: RunningEmulator;
  let proxy: GateProxy;
  let source: SourceServer;
  const tmux = new Tmux();

  beforeAll(async () => {
    await builtCli();
    emulator = await startEmulator({ port: 0 });
    proxy = await new GateProxy(`${emulator.url}/`).start();
    source = await startSourceServer(Buffer.alloc(1024 * 1024, 2));
  }, 180_000);

  afterAll(async () => {
    tmux.kill();
    await proxy?.close();
    await source?.close();
    await emulator?.close();
  });

  it('upload_from_url draws a bar fed by the done/total ticks of the service', async () => {
    const main = await builtCli();
    const dir = tempDir();
    // The source sends a quarter of its bytes, then waits: the service reports that much done.
    const held = source.hold(256 * 1024);
    const command = [
      `cd ${quote(dir)}`,
      `HOME=${quote(dir)} ${quote(process.execPath)} ${quote(main)} --api_base ${quote(`${emulator.url}/`)} upload_from_url ${quote(`${source.url}/held/remote.bin`)}`,
      'echo "EXIT=$?"',
      'sleep 600',
    ].join('; ');
    tmux.start(`sh -c ${quote(command)}`, 'from-url');

    await held.reached;
    const partial = await tmux.waitFor('from-url', (screen) => {
      const found = /\(progress\) \[[#-]+\]\s+(\d+)%\s+256\.0 KiB \/ 1\.0 MiB/.exec(screen);
      return found ? Number(found[1]) : undefined;
    });
    expect(partial).toBe(25);

    held.release();
    const final = await tmux.waitFor('from-url', (screen) => (/EXIT=\d+/.test(screen) ? screen : undefined));
    expect(final).toContain('EXIT=0');
    expect(final).toMatch(/\[#+\]\s+100%\s+1\.0 MiB \/ 1\.0 MiB/);
    expect(final).toMatch(/^[0-9a-f-]{36} {2}http:\/\/127\.0\.0\.1:\d+\/held\/remote\.bin$/m);
  });

  it('draws a progress bar on stderr that moves from part way to 100%', async () => {
    const main = await builtCli();
    const dir = tempDir();
    writeFileSync(join(dir, 'big.bin'), Buffer.alloc(SIZE, 1));
    // The upload is held at the proxy as soon as its body starts: only what the socket buffers take (a few MiB at
    // most, as the proxy stops reading at once) can be sent, so the bar must stop part way, whatever the speed.
    const held = proxy.hold((method, path) => method === 'POST' && path.startsWith('/base/'), { afterBytes: 1 });
    const command = [
      `cd ${quote(dir)}`,
      `HOME=${quote(dir)} ${quote(process.execPath)} ${quote(main)} --api_base ${quote(proxy.url)} upload big.bin`,
      'echo "EXIT=$?"',
      'sleep 600',
    ].join('; ');
    tmux.start(`sh -c ${quote(command)}`);

    await held.reached;
    const partial = await tmux.waitFor('ucare', (screen) => {
      const found = /big\.bin \[[#-]+\]\s+(\d+)%\s+(.+?) \/ 9\.0 MiB\s+\S+ \S+\/s/.exec(screen);
      // 0% is drawn at once; the bar must then move on to what was sent before the hold.
      return found && Number(found[1]) > 0 ? Number(found[1]) : undefined;
    });
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(100);

    held.release();
    const final = await tmux.waitFor('ucare', (screen) => (/EXIT=\d+/.test(screen) ? screen : undefined));
    expect(final).toContain('EXIT=0');
    expect(final).toMatch(/big\.bin \[#+\]\s+100%\s+9\.0 MiB \/ 9\.0 MiB/);
    expect(final).toMatch(/^[0-9a-f-]{36} {2}big\.bin$/m);
    // Redrawn in place: one bar line, not one per tick.
    expect(final.match(/big\.bin \[/g)?.length).toBe(1);
  });
});
