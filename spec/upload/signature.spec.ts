import { lastValueFrom, of } from 'rxjs';
import { InvalidParamError } from '../../lib/errors.js';
import { resolveUploadSignature, signUpload, type SigningContext } from '../../lib/upload/signature.js';

describe('upload signatures', () => {
  const context = (overrides: Partial<SigningContext>): SigningContext => ({
    signing: undefined,
    secretKey: undefined,
    lifetimeSeconds: 1800,
    now: () => 1_700_000_000_000,
    ...overrides,
  });

  it('signUpload is the hex HMAC-SHA256 of the expiry under the secret', async () => {
    // Vector computed independently: node -e "crypto.createHmac('sha256','Jefe').update('1700000000').digest('hex')"
    expect(await lastValueFrom(signUpload('Jefe', 1_700_000_000))).toEqual({
      expire: 1_700_000_000,
      signature: '319323bf857306fdcf0d05bad19106a1ab9bc8f93a6f321261f9703940c05f9d',
    });
  });

  it('is null when unsigned', async () => {
    expect(await lastValueFrom(resolveUploadSignature(context({})))).toBeNull();
    expect(await lastValueFrom(resolveUploadSignature(context({ signing: false })))).toBeNull();
  });

  it('signed: true computes from the secret, expiring after the lifetime', async () => {
    const signed = await lastValueFrom(resolveUploadSignature(context({ signing: true, secretKey: 'Jefe', lifetimeSeconds: 60 })));
    expect(signed).toEqual(await lastValueFrom(signUpload('Jefe', 1_700_000_060)));
  });

  it('signed: true without a secret is an InvalidParamError, at subscribe time', async () => {
    const signature = resolveUploadSignature(context({ signing: true }));
    await expectAsync(lastValueFrom(signature)).toBeRejectedWith(jasmine.any(InvalidParamError));
  });

  it('uses a given signature or asks a resolver (Promise or Observable), checking what it gets', async () => {
    const given = { expire: 1_700_000_100, signature: 'abc' };
    expect(await lastValueFrom(resolveUploadSignature(context({ signing: given })))).toEqual(given);
    expect(await lastValueFrom(resolveUploadSignature(context({ signing: async () => given })))).toEqual(given);
    expect(await lastValueFrom(resolveUploadSignature(context({ signing: () => of(given) })))).toEqual(given);
    const broken = resolveUploadSignature(context({ signing: async () => ({ expire: 1.5, signature: '' }) }));
    await expectAsync(lastValueFrom(broken)).toBeRejectedWith(jasmine.any(InvalidParamError));
  });
});
