import {
  APIConnectionError,
  APIError,
  AuthenticationError,
  InvalidParamError,
  InvalidRequestError,
  InvalidTransformationError,
  ThrottledRequestError,
  TimeoutError,
  UploadcareException,
  UploadError,
} from '../lib/errors.js';

describe('error classes', () => {
  it('keep the seed hierarchy: every one is an UploadcareException, InvalidParamError an InvalidRequestError', () => {
    const all = [APIConnectionError, APIError, AuthenticationError, InvalidRequestError, InvalidParamError, TimeoutError, UploadError].map(
      (Type) => new Type('x'),
    );
    all.push(new ThrottledRequestError('x', { wait: 1 }));
    for (const error of all) {
      expect(error).toBeInstanceOf(UploadcareException);
      expect(error).toBeInstanceOf(Error);
    }
    // Names are set explicitly: bundlers rename classes (esbuild makes TimeoutError2 beside the global one).
    expect(all.map((error) => error.name)).toEqual([
      'APIConnectionError',
      'APIError',
      'AuthenticationError',
      'InvalidRequestError',
      'InvalidParamError',
      'TimeoutError',
      'UploadError',
      'ThrottledRequestError',
    ]);
    expect(new InvalidParamError('x')).toBeInstanceOf(InvalidRequestError);
    expect(new APIError('x')).not.toBeInstanceOf(InvalidRequestError);
  });

  it('carry status, method, url, code, body and cause, and print them readably', () => {
    const cause = new Error('socket hang up');
    const error = new APIError('GET https://api.uploadcare.com/files/ failed with 500: boom', {
      status: 500,
      method: 'GET',
      url: 'https://api.uploadcare.com/files/',
      code: 'InternalError',
      body: { detail: 'boom' },
      cause,
    });
    expect([error.status, error.method, error.url, error.code, error.body, error.cause]).toEqual([
      500,
      'GET',
      'https://api.uploadcare.com/files/',
      'InternalError',
      { detail: 'boom' },
      cause,
    ]);
    expect(String(error)).toBe('APIError: GET https://api.uploadcare.com/files/ failed with 500: boom');
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'APIError',
      message: 'GET https://api.uploadcare.com/files/ failed with 500: boom',
      status: 500,
      method: 'GET',
      url: 'https://api.uploadcare.com/files/',
      code: 'InternalError',
      body: { detail: 'boom' },
      cause: 'socket hang up',
    });
  });

  it('leave unknown details out rather than inventing them', () => {
    const error = new InvalidParamError("Couldn't find UUID");
    expect(error.toJSON()).toEqual({ name: 'InvalidParamError', message: "Couldn't find UUID" });
    expect(error.status).toBeUndefined();
    expect(error.cause).toBeUndefined();
  });

  it('give ThrottledRequestError its wait in seconds, in JSON too', () => {
    const error = new ThrottledRequestError('slow down', { status: 429, wait: 12 });
    expect(error.wait).toBe(12);
    expect(error.toJSON()).toEqual(jasmine.objectContaining({ name: 'ThrottledRequestError', wait: 12, status: 429 }));
  });

  it('give InvalidTransformationError its operation, argument and rule, in JSON too; it is an InvalidParamError', () => {
    const error = new InvalidTransformationError('resize', 'width', 'range', 'must be from 1 to 5000 (got 0)');
    expect(error).toBeInstanceOf(InvalidParamError);
    expect(error.message).toBe('resize: width must be from 1 to 5000 (got 0)');
    expect([error.name, error.operation, error.argument, error.rule]).toEqual(['InvalidTransformationError', 'resize', 'width', 'range']);
    expect(error.toJSON()).toEqual(jasmine.objectContaining({ name: 'InvalidTransformationError', operation: 'resize', argument: 'width', rule: 'range' }));
  });
});
