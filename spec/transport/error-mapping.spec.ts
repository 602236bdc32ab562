import { APIError, AuthenticationError, InvalidRequestError } from '../../lib/errors.js';
import { errorFromAnswer, uploadErrorEnvelope } from '../../lib/transport/error-mapping.js';

describe('the Upload API error envelope', () => {
  const answer = (status: number, body: unknown) => ({ status, method: 'GET', url: 'https://upload.example/info/', headers: {}, body });

  it('is the jsonerrors object, with or without status_code', () => {
    expect(uploadErrorEnvelope({ error: { status_code: 403, content: 'pub_key is invalid.', error_code: 'ProjectPublicKeyInvalidError' } })).toEqual({
      status: 403,
      content: 'pub_key is invalid.',
      code: 'ProjectPublicKeyInvalidError',
    });
    expect(uploadErrorEnvelope({ error: { content: 'File is too large.', error_code: 'FileSizeLimitExceededError' } })).toEqual({
      content: 'File is too large.',
      code: 'FileSizeLimitExceededError',
    });
  });

  it('is the older {"error": "<message>"} form', () => {
    expect(uploadErrorEnvelope({ error: 'UPLOADCARE_PUB_KEY is required.' })).toEqual({ content: 'UPLOADCARE_PUB_KEY is required.', code: null });
  });

  it('is not a from_url/status/ report of a failed upload, nor any other body with an error field', () => {
    expect(uploadErrorEnvelope({ status: 'error', error: 'HTTP client error: 404.', error_code: 'DownloadFileHTTPClientError' })).toBeUndefined();
    expect(uploadErrorEnvelope({ status: 'error', error: 'no code' })).toBeUndefined();
    expect(uploadErrorEnvelope({ error: { detail: 'not the envelope' } })).toBeUndefined();
    expect(uploadErrorEnvelope({ error: null })).toBeUndefined();
    expect(uploadErrorEnvelope({ detail: 'Not found.' })).toBeUndefined();
    expect(uploadErrorEnvelope('File is too large.')).toBeUndefined();
    expect(uploadErrorEnvelope([{ error: 'x' }])).toBeUndefined();
  });

  it('gives the status_code, content and error_code to the error', () => {
    const error = errorFromAnswer(answer(200, { error: { status_code: 403, content: 'Expired signature.', error_code: 'SignatureExpirationError' } }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.status).toBe(403);
    expect(error.code).toBe('SignatureExpirationError');
    expect(error.message).toBe('GET https://upload.example/info/ failed with 403: Expired signature.');
  });

  it('takes the answer\'s status when the envelope has none', () => {
    const error = errorFromAnswer(answer(400, { error: 'File is too large.' }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.status).toBe(400);
    expect(error.code).toBeNull();
    expect(error.message).toBe('GET https://upload.example/info/ failed with 400: File is too large.');
  });

  it('leaves a non-envelope body with an error field to be described as a body', () => {
    const body = { status: 'error', error: 'HTTP client error: 404.', error_code: 'DownloadFileHTTPClientError' };
    const error = errorFromAnswer(answer(500, body));
    expect(error).toBeInstanceOf(APIError);
    expect(error.code).toBe('DownloadFileHTTPClientError');
    expect(error.message).toContain(JSON.stringify(body));
  });
});
