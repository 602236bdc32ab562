import { normalizeTags, tagProblem } from '../tags/tag-rules.js';
import { UploadApiError } from './errors.js';
import type { RequestParams } from './params.js';

/**
 * An upload's `tags` field (a comma-separated list, as `POST /base/`, `/multipart/start/` and `/from_url/` take it),
 * normalized and checked: a list the service would refuse is a 400 `UploadViewsError` and the upload does not proceed.
 */
export function uploadTags(params: RequestParams): readonly string[] {
  const tags = normalizeTags((params.get('tags') ?? '').split(','));
  const problem = tagProblem(tags);
  if (problem) throw new UploadApiError('UploadViewsError', problem);
  return tags;
}
