/** The answer of a signing route: the hex HMAC-SHA1 of the sign string, keyed with the project's secret. */
interface SignAnswer {
  readonly signature: string;
}

/** Thrown when the signing route does not sign: its HTTP status and what it said. */
export class SignerRefusedError extends Error {
  override readonly name = 'SignerRefusedError';

  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(`The signing route answered ${status}: ${detail}`);
  }
}

/**
 * A `signatureResolver` that asks a backend route to sign each REST request, so that the secret key stays on the
 * server. `signUrl` is your backend's route; in development, the emulator's demo signer (`<emulator>/demo/sign`)
 * answers pages it trusts (see docs/angular.md).
 */
export function backendSigner(signUrl: string): (signString: string) => Promise<string> {
  return async (signString) => {
    const response = await fetch(signUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ signString }),
    });
    if (!response.ok) throw new SignerRefusedError(response.status, await response.text());
    return ((await response.json()) as SignAnswer).signature;
  };
}
