/**
 * rxuploadcare: the reactive Uploadcare client. Every operation is a cold RxJS Observable.
 * @packageDocumentation
 */
export { version } from './version.js';
export * from './errors.js';
export * from './config.js';
export { cdnPrefix, defaultCdnBase, LEGACY_CDN_BASE, PREFIXED_CDN_ZONE } from './cdn-base.js';
export * from './conf.js';
export { Uploadcare } from './client.js';
export { UploadcareClient } from './core/client.js';
export { rest } from './core/rest.js';
export type { HttpMethod, HttpRequest, HttpResponse, RequestOptions, ResponseType, UploadField, UploadFile, UploadFilePart } from './transport/types.js';
export { DEFAULT_RETRY_POLICY, type BackoffPolicy, type RetryPolicy, type RetryPolicyInput } from './transport/retry-policy.js';
export { retryByPolicy, IDEMPOTENT_METHODS, type RetryEnvironment, type RetryTarget } from './transport/retry.js';
export { restSignString, type SignableRequest } from './transport/rest-sign-string.js';
export { hmacSha1Hex, hmacSha256Hex } from './transport/hmac.js';
export { md5Hex } from './transport/crypto.js';
export { restRequest, uploadingRequest } from './seed-requests.js';
export { uploadFile } from './upload/upload-file.js';
export { uploadFileToUuid } from './upload/upload-to-uuid.js';
export { uploadGroupToIds, type GroupIdsCompleteEvent, type GroupIdsUploadEvent } from './upload/upload-group-ids.js';
export { uploadGroup, type GroupCompleteEvent, type GroupUploadEvent } from './upload/upload-group.js';
export { uploadFromUrl, uploadFromUrlSync } from './upload/from-url.js';
export { FileFromUrl, type FromUrlEvent, type FromUrlProgressEvent, type FromUrlWaitOptions } from './upload/file-from-url.js';
export type { FromUrlOptions } from './upload/from-url-options.js';
export { toFile } from './upload/to-file.js';
export { isUploadComplete, type UploadCompleteEvent, type UploadEvent, type UploadProgressEvent } from './upload/events.js';
export type { StoreOption, UploadOptions } from './upload/options.js';
export { DEFAULT_UPLOAD_POLICY, type UploadPolicy } from './upload/policy.js';
export {
  DEFAULT_SIGNATURE_LIFETIME_SECONDS,
  signUpload,
  type SigningOptions,
  type UploadSignature,
  type UploadSignatureResolver,
  type UploadSigning,
} from './upload/signature.js';
export { fromBlob, fromBytes, type OpenedSource, type SourceDescription, type UploadBody, type UploadInput, type UploadSource } from './upload/source.js';
export type { PollTiming } from './upload/poll.js';
export { DEFAULT_POLL_RAMP, type PollRamp } from './upload/poll-ramp.js';
export { File } from './resources/file.js';
export { FileGroup, type GroupCreateOptions } from './resources/file-group.js';
export { FileList, type FileListOptions } from './resources/file-list.js';
export { listFiles } from './resources/list-files.js';
export { GroupList, type GroupListOptions } from './resources/group-list.js';
export { ResourceList, type ListPage } from './resources/resource-list.js';
export type { ListOptions } from './resources/list-options.js';
export type { AppData, FileInfo, FileInfoOptions } from './resources/file-info.js';
export type { GroupInfo } from './resources/group-info.js';
export type { LocalCopyOptions, RemoteCopyOptions } from './resources/copy-options.js';
export type { Effects } from './resources/effects.js';
export { storeFiles, deleteFiles, BATCH_CHUNK_SIZE, type BatchInput, type BatchResult, type BatchSuccess, type BatchFailure } from './resources/batch.js';
export { METADATA_KEY, METADATA_VALUE_MAX_LENGTH } from './resources/metadata.js';
export { getFileTags, replaceFileTags, updateFileTags, type TagsChange, type TagsUpdate } from './resources/file-tags.js';
export { normalizeTags, TAG_LIMITS } from './resources/tag-rules.js';
export { paginate } from './transport/paginate.js';
export { convertDocument, documentConversionInfo, type DocumentConversionInfo, type DocumentConversionOptions } from './convert/convert-document.js';
export { convertVideo, type VideoConversionOptions } from './convert/convert-video.js';
export {
  documentPath,
  videoPath,
  DOCUMENT_FORMATS,
  VIDEO_FORMATS,
  VIDEO_QUALITIES,
  VIDEO_RESIZE_MODES,
  type ConversionSource,
  type DocumentFormat,
  type DocumentTarget,
  type VideoFormat,
  type VideoQuality,
  type VideoResizeMode,
  type VideoTarget,
} from './convert/conversion-paths.js';
export type { ConversionOptions } from './convert/conversion-options.js';
export { DEFAULT_JOB_POLL, type FileSource } from './jobs/job-options.js';
export { ConversionError, type ConversionFailureKind } from './convert/conversion-error.js';
export {
  isConversionComplete,
  type ConversionCompleteEvent,
  type ConversionEvent,
  type ConversionFailure,
  type ConversionOutcome,
  type ConversionOutput,
  type ConversionProgressEvent,
  type ConversionStatus,
} from './convert/conversion-events.js';
export { executeAddon } from './addons/execute-addon.js';
export { AddonError } from './addons/addon-error.js';
export {
  ADDON_NAMES,
  type AddonAppData,
  type AddonCompleteEvent,
  type AddonEvent,
  type AddonName,
  type AddonParams,
  type AddonProgressEvent,
  type AddonResults,
  type AddonStatus,
  type RekognitionLabel,
  type RekognitionModerationLabel,
  type RemoveBgParams,
} from './addons/addon-types.js';
export { ImageTransformation } from './cdn/transformations/image-transformation.js';
export type { CdnOperation } from './cdn/transformations/operation.js';
export type { Alignment, Length, Offsets, Percent } from './cdn/transformations/arguments.js';
export type { CropPosition, ScaleCropOptions, ScaleCropType, StretchMode } from './cdn/transformations/geometry.js';
export type { Radii } from './cdn/transformations/fill-and-corners.js';
export type { Region } from './cdn/transformations/filters.js';
export type { ImageFormat, ImageQuality, SrgbMode, StripMetaMode } from './cdn/transformations/output.js';
export type { RightAngle } from './cdn/transformations/orientation.js';
export type { ColorAdjustment } from './cdn/transformations/colors.js';
export type { OverlayOptions } from './cdn/transformations/overlay.js';
export { TRANSFORMATION_LIMITS } from './cdn/transformations/limits.js';
export { DEFAULT_PICTURE_FORMATS, pictureSources, srcset, type ImageSource, type PictureOptions, type PictureSource, type PictureSources } from './cdn/responsive.js';
export { parseTransformation } from './cdn/transformations/parse.js';
