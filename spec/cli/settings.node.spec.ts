import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PROJECT } from 'rxuploadcare-emulator';
import { EMULATOR_DEMO_KEYS, emulatorSettings, withEmulatorDefaults } from '../../lib/cli/config/emulator-defaults.js';
import { readIniSection } from '../../lib/cli/config/ini.js';
import { configFilePaths, loadConfigFiles } from '../../lib/cli/config/load-files.js';
import { resolveSettings } from '../../lib/cli/config/settings.js';

const HOME_FILE = { path: '/home/me/.uploadcare', text: '[ucare]\npub_key = home-pub\nsecret = home-secret\napi_base = http://home/\n' };
const LOCAL_FILE = { path: '/project/uploadcare.ini', text: '[ucare]\npub_key: local-pub\nupload_base = http://local-upload/\n' };

describe('resolveSettings', () => {
  it('lets arguments win over the environment, and the environment over files', () => {
    const { settings, origins } = resolveSettings(
      { pub_key: 'arg-pub' },
      { UPLOADCARE_PUBLIC_KEY: 'env-pub', UPLOADCARE_SECRET_KEY: 'env-secret', UPLOADCARE_CDN_BASE: 'http://env-cdn/' },
      [HOME_FILE, LOCAL_FILE],
    );
    expect(settings).toEqual({
      pub_key: 'arg-pub',
      secret: 'env-secret',
      api_base: 'http://home/',
      upload_base: 'http://local-upload/',
      cdn_base: 'http://env-cdn/',
    });
    expect(origins.pub_key).toBe('argument');
    expect(origins.secret).toBe('environment');
    expect(origins.api_base).toEqual({ file: HOME_FILE.path });
    expect(origins.upload_base).toEqual({ file: LOCAL_FILE.path });
  });

  it('reads the files in the seed order: ./uploadcare.ini overrides ~/.uploadcare', () => {
    const { settings } = resolveSettings({}, {}, [HOME_FILE, LOCAL_FILE]);
    expect(settings.pub_key).toBe('local-pub');
    expect(settings.secret).toBe('home-secret');
  });

  it('reads every environment variable and ignores empty values', () => {
    const { settings } = resolveSettings(
      { secret: '' },
      {
        UPLOADCARE_PUBLIC_KEY: 'p',
        UPLOADCARE_SECRET_KEY: 's',
        UPLOADCARE_API_BASE: 'http://a/',
        UPLOADCARE_UPLOAD_BASE: 'http://u/',
        UPLOADCARE_CDN_BASE: 'http://c/',
        UPLOADCARE_API_VERSION: '0.7',
      },
      [],
    );
    expect(settings).toEqual({ pub_key: 'p', secret: 's', api_base: 'http://a/', upload_base: 'http://u/', cdn_base: 'http://c/', api_version: '0.7' });
  });

  it('accepts other spellings of keys in files and skips missing files', () => {
    const file = { path: 'x.ini', text: '[other]\npub_key = no\n[ucare]\nPublic-Key = yes\n; comment\nsecret_key = s\n' };
    expect(resolveSettings({}, {}, [file, { path: 'missing', text: undefined }]).settings).toEqual({ pub_key: 'yes', secret: 's' });
  });
});

describe('readIniSection', () => {
  it('reads only the named section, later keys winning', () => {
    const values = readIniSection('a=0\n[ucare]\n# c\nA = 1\nb: two words \na=3\n[x]\na=4', 'ucare');
    expect([...values]).toEqual([
      ['a', '3'],
      ['b', 'two words'],
    ]);
  });
});

describe('loadConfigFiles', () => {
  it('reads ~/.uploadcare then ./uploadcare.ini, a missing one as undefined', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ucare-home-'));
    const cwd = mkdtempSync(join(tmpdir(), 'ucare-cwd-'));
    writeFileSync(join(cwd, 'uploadcare.ini'), '[ucare]\npub_key=x\n');
    const files = await loadConfigFiles(configFilePaths(home, cwd));
    expect(files).toEqual([
      { path: join(home, '.uploadcare'), text: undefined },
      { path: join(cwd, 'uploadcare.ini'), text: '[ucare]\npub_key=x\n' },
    ]);
  });
});

describe('emulator defaults', () => {
  it("are the emulator package's demo keys", () => {
    expect(DEMO_PROJECT.publicKey).toBe(EMULATOR_DEMO_KEYS.publicKey);
    expect(DEMO_PROJECT.secretKey).toBe(EMULATOR_DEMO_KEYS.secretKey);
  });

  it('fills bases and demo keys for a loopback REST base only', () => {
    expect(withEmulatorDefaults({ api_base: 'http://127.0.0.1:8000/' })).toEqual({
      api_base: 'http://127.0.0.1:8000/',
      upload_base: 'http://127.0.0.1:8000/',
      cdn_base: 'http://127.0.0.1:8000/',
      pub_key: 'demopublickey',
      secret: 'demosecretkey',
    });
    expect(withEmulatorDefaults({ api_base: 'https://api.uploadcare.com/' })).toEqual({ api_base: 'https://api.uploadcare.com/' });
    // A key given by the user is never paired with the demo secret.
    expect(withEmulatorDefaults({ api_base: 'http://localhost:1/', pub_key: 'mine' }).secret).toBeUndefined();
  });

  it('points every base of --emulator at the started emulator', () => {
    const settings = emulatorSettings('http://127.0.0.1:5', { pub_key: 'x', api_base: 'https://api.uploadcare.com/' });
    expect(settings).toEqual({
      pub_key: 'demopublickey',
      secret: 'demosecretkey',
      api_base: 'http://127.0.0.1:5/',
      upload_base: 'http://127.0.0.1:5/',
      cdn_base: 'http://127.0.0.1:5/',
    });
  });
});
