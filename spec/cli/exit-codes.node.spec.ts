import { UsageError } from '../../lib/cli/args/usage-error.js';
import { CliError } from '../../lib/cli/output/cli-error.js';
import { errorMessage, ExitCode, exitCodeFor, type ExitCodeValue } from '../../lib/cli/output/exit-codes.js';
import {
  APIConnectionError,
  APIError,
  AuthenticationError,
  InvalidParamError,
  InvalidRequestError,
  ThrottledRequestError,
  TimeoutError,
  UploadError,
} from '../../lib/errors.js';

describe('exitCodeFor', () => {
  it('gives each kind of failure its own code', () => {
    const cases: [unknown, ExitCodeValue][] = [
      [new UsageError('x'), ExitCode.usage],
      [new InvalidParamError('bad uuid'), ExitCode.usage],
      [new InvalidRequestError('bad', { status: 400 }), ExitCode.usage],
      [new AuthenticationError('no', { status: 401 }), ExitCode.auth],
      [new InvalidRequestError('gone', { status: 404 }), ExitCode.notFound],
      [Object.assign(new Error('ENOENT: x'), { code: 'ENOENT' }), ExitCode.notFound],
      [new ThrottledRequestError('slow down', { status: 429, wait: 10 }), ExitCode.throttledOrTimeout],
      [new TimeoutError('late'), ExitCode.throttledOrTimeout],
      [new APIError('500', { status: 500 }), ExitCode.other],
      [new APIConnectionError('refused'), ExitCode.other],
      [new UploadError('failed'), ExitCode.other],
      [new Error('anything'), ExitCode.other],
      ['a string', ExitCode.other],
      [new CliError('2 of 3 files not stored', ExitCode.notFound), ExitCode.notFound],
    ];
    for (const [error, code] of cases) expect(exitCodeFor(error)).withContext(String(error)).toBe(code);
    expect(new Set(Object.values(ExitCode)).size).toBe(Object.values(ExitCode).length);
  });
});

describe('errorMessage', () => {
  it('is one line, masks the secret wherever it appears, and says "not found" for a 404', () => {
    const secret = 'very-secret-key';
    expect(errorMessage(new APIError(`bad answer\nechoing ${secret} back`), [secret])).toBe('bad answer echoing *** back');
    expect(errorMessage(new InvalidRequestError('GET x failed with 404', { status: 404 }), [])).toBe('not found: GET x failed with 404');
    expect(errorMessage(new Error(''), [])).toBe('Error');
  });
});
