/** Shapes of the Upload API answers the uploader reads (snake_case, as the service sends them). */

/** `POST base/`: the field name of each file, mapped to its UUID. */
export type BaseUploadAnswer = Readonly<Record<string, string>>;

/** `POST multipart/start/`: the new file's UUID and one presigned URL per part (an array, or an object keyed by index). */
export interface MultipartStartAnswer {
  readonly uuid: string;
  readonly parts: readonly string[] | Readonly<Record<string, string>>;
}

/** `GET info/` and `POST multipart/complete/`: the Upload API's file info (the fields the uploader reads). */
export interface UploadFileInfo {
  readonly uuid?: string;
  readonly file_id?: string;
  readonly is_ready?: boolean;
  readonly size?: number;
  readonly filename?: string;
  readonly original_filename?: string;
  readonly mime_type?: string;
  readonly is_image?: boolean;
  readonly is_stored?: boolean;
  readonly done?: number;
  readonly total?: number | null;
}

/** `POST from_url/`: a token to poll, or (URL duplicates) the file itself. */
export type FromUrlAnswer =
  | { readonly type: 'token'; readonly token: string }
  | ({ readonly type: 'file_info' } & UploadFileInfo);

/** `GET from_url/status/` */
export type FromUrlStatusAnswer =
  | { readonly status: 'waiting' | 'unknown' }
  | { readonly status: 'progress'; readonly done?: number; readonly total?: number | null | string }
  | ({ readonly status: 'success' } & UploadFileInfo)
  | { readonly status: 'error'; readonly error?: string; readonly error_code?: string | null };

/** `POST group/`: the group's id and files (the fields the uploader reads). */
export interface GroupAnswer {
  readonly id: string;
  readonly files_count?: number;
}

/** The multipart part list as an array, whatever shape the service used. */
export function partUrls(parts: MultipartStartAnswer['parts']): string[] {
  if (Array.isArray(parts)) return [...(parts as readonly string[])];
  return Object.keys(parts)
    .sort((a, b) => Number(a) - Number(b))
    .map((key) => (parts as Readonly<Record<string, string>>)[key]!);
}
