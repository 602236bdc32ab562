import { HttpError } from '../http-util.js';

/** The Upload API's error codes the emulator answers with, their HTTP status and message template (`%s`). */
export const UPLOAD_ERRORS = {
  AutostoreDisabledError: [403, 'Autostore is disabled.'],
  FileMetadataKeyEmptyError: [400, "File's metadata key can not be empty."],
  FileMetadataKeyForbiddenError: [400, "File's metadata key `%s` contains symbols not allowed by the metadata key format."],
  FileMetadataKeyLengthTooBigError: [400, 'Length of file metadata key `%s` can not be more than %s symbols.'],
  FileMetadataKeysNumberTooBigError: [400, 'A file can not have more than %s metadata keys.'],
  FileMetadataValueEmptyError: [400, 'Value of the file metadata key `%s` can not be empty.'],
  FileMetadataValueForbiddenError: [400, 'Value of file metadata key `%s` contains symbols not allowed by the metadata value format.'],
  FileMetadataValueLengthTooBigError: [400, "Value of file metadata's key `%s` can not be more than %s symbols in length."],
  FileSizeLimitExceededError: [400, 'File is too large.'],
  MethodNotAllowedError: [405, 'HTTP method %s is not allowed for %s.'],
  PostRequestParserFailedError: [400, 'HTTP POST request parsing failed.'],
  ProjectPublicKeyInvalidError: [403, '%s is invalid.'],
  ProjectPublicKeyRequiredError: [403, '%s is required.'],
  SignatureExpirationError: [403, 'Expired signature.'],
  SignatureExpirationInvalidError: [400, '`expire` must be a UNIX timestamp.'],
  SignatureExpirationRequiredError: [400, '`expire` is required.'],
  SignatureInvalidError: [403, 'Invalid signature.'],
  SignatureRequiredError: [400, '`signature` is required.'],
  DownloadFileHTTPClientError: [500, 'HTTP client error: %s.'],
  DownloadFileHTTPNetworkError: [500, 'HTTP network error: %s.'],
  DownloadFileHTTPServerError: [500, 'HTTP server error: %s.'],
  DownloadFileTimeLimitExceededError: [500, 'Failed to download the file within the allotted time limit of %s seconds.'],
  FileIdInvalidError: [400, 'file_id is invalid.'],
  FileIdRequiredError: [400, 'file_id is required.'],
  FileNotFoundError: [404, 'File is not found.'],
  FilesRequiredError: [400, 'Request does not contain files.'],
  MultipartFileAlreadyUploadedError: [400, 'File is already uploaded.'],
  MultipartFileIdRequiredError: [400, 'uuid is required.'],
  MultipartFileNotFoundError: [404, 'File is not found.'],
  MultipartFileSizeTooSmallError: [400, 'File size can not be less than %s bytes. Please use direct upload instead of multipart.'],
  MultipartPartSizeInvalidError: [400, 'Multipart Upload Part Size should be an integer.'],
  MultipartPartSizeTooBigError: [400, 'Multipart Upload Part Size can not be more than %s bytes.'],
  MultipartPartSizeTooSmallError: [400, 'Multipart Upload Part Size can not be less than %s bytes.'],
  MultipartSizeInvalidError: [400, 'size should be integer.'],
  MultipartUploadSizeTooLargeError: [400, 'Uploaded size is more than expected.'],
  MultipartUploadSizeTooSmallError: [400, 'File size mismatch. Not all parts uploaded?'],
  RequestFileNumberLimitExceededError: [400, 'The request contains too many files.'],
  RequestFiledsNumberLimitExceededError: [400, 'The request contains too many HTTP POST fields.'],
  RequestParamRequiredError: [400, '%s is required.'],
  RequestSizeLimitExceededError: [413, 'The size of the request is too large.'],
  SourceURLRequiredError: [400, 'source_url is required.'],
  TokenRequiredError: [400, 'token is required.'],
  UUIDInvalidError: [400, 'uuid is invalid.'],
  GroupFileURLParsingFailedError: [400, 'This is not valid file url: %s.'],
  GroupFilesInvalidError: [400, 'No files[N] parameters found.'],
  GroupFilesNotFoundError: [400, 'Some files not found.'],
  GroupIdRequiredError: [400, 'group_id is required.'],
  GroupNotFoundError: [404, 'group_id is invalid.'],
  HostnameNotFoundError: [400, 'Host does not exist.'],
  URLHostPrivateIPForbiddenError: [400, 'Only public IPs are allowed.'],
  URLHostRequiredError: [400, 'No URL host supplied.'],
  URLParsingFailedError: [400, 'Failed to parse URL.'],
  URLRedirectsLimitExceededError: [400, 'Too many redirects.'],
  URLSchemeInvalidError: [400, 'Invalid URL scheme.'],
  URLSchemeRequiredError: [400, 'No URL scheme supplied.'],
  UploadAPIError: [500, 'Internal error.'],
  // The code the real service gives refused `tags` (https://uploadcare.com/docs/file-tags/), its message the problem.
  UploadViewsError: [400, '%s'],
} as const satisfies Record<string, readonly [number, string]>;

/** One of the Upload API error codes the emulator uses. */
export type UploadErrorCode = keyof typeof UPLOAD_ERRORS;

/** An Upload API failure: the real service's status, message and error code. */
export class UploadApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: UploadErrorCode,
    ...args: readonly (string | number)[]
  ) {
    const [status, template] = UPLOAD_ERRORS[code];
    let i = 0;
    super(template.replace(/%s/g, () => String(args[i++] ?? '')));
    this.status = status;
  }

  /**
   * The HTTP answer: with `jsonerrors=1`, HTTP 200 carrying the JSON envelope (its `status_code` the error's status),
   * as the real service answers: browsers' transports cannot read the body of a refused cross-origin answer, so the
   * official browser client asks for it this way; without, the error's status and the bare message as text.
   */
  toHttpError(json: boolean): HttpError {
    if (!json) return new HttpError(this.status, this.message);
    return new HttpError(200, {
      error: { status_code: this.status, content: this.message, error_code: this.code },
    });
  }
}
