import { Uploadcare } from 'rxuploadcare';

/** What the page is told by the emulator: embedded in its HTML as `<script id="demo-config" type="application/json">`. */
export interface DemoConfig {
  /** The demo project's public key; the secret stays on the emulator. */
  readonly publicKey: string;
  /** Path of the signer endpoint on the page's origin. */
  readonly signerPath: string;
}

/** Reads the page's configuration. */
export function readDemoConfig(): DemoConfig {
  const text = document.getElementById('demo-config')?.textContent;
  if (!text) throw new Error('The demo page has no #demo-config');
  return JSON.parse(text) as DemoConfig;
}

/**
 * The page's client: REST, Upload API and CDN all on the emulator's origin. REST requests are signed by the
 * emulator's signer endpoint through `signatureResolver`, as a browser app asks its backend: no secret here.
 */
export function demoClient(config: DemoConfig, origin: string = location.origin): Uploadcare {
  return new Uploadcare({
    publicKey: config.publicKey,
    restBase: origin,
    uploadBase: origin,
    cdnBase: origin,
    signatureResolver: (signString) => askSigner(new URL(config.signerPath, origin).href, signString),
  });
}

async function askSigner(url: string, signString: string): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ signString }) });
  if (!response.ok) throw new Error(`the signer answered HTTP ${response.status}`);
  const { signature } = (await response.json()) as { signature?: unknown };
  if (typeof signature !== 'string') throw new Error('the signer answered no signature');
  return signature;
}
