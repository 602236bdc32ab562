import { firstValueFrom } from 'rxjs';
import { Uploadcare } from '../../lib/client.js';
import { AuthenticationError, InvalidRequestError } from '../../lib/errors.js';
import { testEnv } from '../support/test-env.js';
import { failure } from './script.js';

// The emulator checks REST signatures by the same rules, written independently: signed calls must pass it.
describe('the transport against the emulator', () => {
  const client = (secretKey: string, authScheme: 'signed' | 'simple' = 'signed'): Uploadcare => {
    const base = `${testEnv().emulatorUrl}/`;
    return new Uploadcare({ publicKey: 'demopublickey', secretKey, authScheme, restBase: base, uploadBase: base });
  };

  it('passes the signature check with a signed GET project/', async () => {
    const project = await firstValueFrom(client('demosecretkey').rest<{ pub_key: string }>('GET', 'project/'));
    expect(project.pub_key).toBe('demopublickey');
  });

  it('passes the signature check with a signed JSON body', async () => {
    const answer = await firstValueFrom(client('demosecretkey').rest<{ problems: unknown }>('PUT', 'files/storage/', ['not-a-uuid']));
    expect(answer.problems).toBeDefined();
  });

  it('passes the signature check with a bodiless PUT (a 404 for an unknown file, not a 401)', async () => {
    const error = await failure(firstValueFrom(client('demosecretkey').rest('PUT', 'files/00000000-0000-4000-8000-000000000000/storage/')));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).status).toBe(404);
  });

  it('passes with Uploadcare.Simple', async () => {
    expect(await firstValueFrom(client('demosecretkey', 'simple').rest<{ pub_key: string }>('GET', 'project/'))).toEqual(
      jasmine.objectContaining({ pub_key: 'demopublickey' }),
    );
  });

  it('gets an AuthenticationError for a wrong secret, which never shows in the error', async () => {
    const error = (await failure(firstValueFrom(client('wrong-secret-value').rest('GET', 'project/')))) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.status).toBe(401);
    expect(JSON.stringify(error) + error.message + String(error.stack)).not.toContain('wrong-secret-value');
  });

  it('maps an Upload API error of the emulator', async () => {
    const error = await failure(firstValueFrom(client('demosecretkey').upload('GET', 'info/', { file_id: '00000000-0000-0000-0000-000000000000' })));
    expect(error).toBeInstanceOf(InvalidRequestError);
  });
});
