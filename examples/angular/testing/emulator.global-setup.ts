import { startEmulator } from 'rxuploadcare-emulator';
import type { TestProject } from 'vitest/node';

/** Vite moves to the next free port when the one asked for is taken: trust the page's origin on a few of them. */
const PORTS_TRUSTED = 10;

/**
 * Starts the emulator before the specs of the Chromium project, and stops it after them. It trusts the page Vitest
 * opens, so that specs may use its demo signer (REST without the secret in the browser) and its control API.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  // Angular's builder sets up a root project that runs nothing and the browser project that runs the specs.
  if (!project.config.browser.enabled) return;
  const first = project.config.api.port ?? 0;
  const ports = Array.from({ length: PORTS_TRUSTED }, (_, i) => first + i);
  const emulator = await startEmulator({
    trustedOrigins: ports.flatMap((port) => [`http://localhost:${port}`, `http://127.0.0.1:${port}`]),
  });
  project.provide('uploadcareBase', `${emulator.url}/`);
  return () => emulator.close();
}
