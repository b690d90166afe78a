/**
 * Typed errors with a stable code and a message for people. Callers map codes to exit codes
 * or HTTP statuses in one place; the message is written to be shown as it is.
 */

export type ErrorCode =
  | 'FILE_NOT_FOUND'
  | 'FILE_EMPTY'
  | 'FILE_TOO_LARGE'
  | 'FILE_BINARY'
  | 'UNSUPPORTED_FORMAT'
  | 'UNDECODABLE_TEXT'
  | 'PDF_INVALID'
  | 'PDF_NO_TEXT'
  | 'DOCX_INVALID'
  | 'HTML_NO_TEXT'
  | 'SHEET_INVALID'
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'NOT_AUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'FORBIDDEN'
  | 'STORE_FAILED';

export class CoopAtlasError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CoopAtlasError';
    this.code = code;
  }
}

/** A file could not be read as a document. The message names the file and the reason. */
export class IngestError extends CoopAtlasError {
  readonly path: string;

  constructor(code: ErrorCode, path: string, reason: string, options?: { cause?: unknown }) {
    super(code, `${path}: ${reason}`, options);
    this.name = 'IngestError';
    this.path = path;
  }
}

export class InvalidArgumentError extends CoopAtlasError {
  constructor(message: string) {
    super('INVALID_ARGUMENT', message);
    this.name = 'InvalidArgumentError';
  }
}

/** Something asked for by name or id does not exist. */
export class NotFoundError extends CoopAtlasError {
  constructor(message: string) {
    super('NOT_FOUND', message);
    this.name = 'NotFoundError';
  }
}

/** Who is asking may not do this: not logged in, wrong password, or a role too low. */
export class AccessError extends CoopAtlasError {
  constructor(code: 'NOT_AUTHENTICATED' | 'INVALID_CREDENTIALS' | 'FORBIDDEN', message: string) {
    super(code, message);
    this.name = 'AccessError';
  }
}

/** The store cannot be opened, migrated or written; the message says which store and why. */
export class StoreError extends CoopAtlasError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('STORE_FAILED', message, options);
    this.name = 'StoreError';
  }
}

/** The message of anything thrown, for reports that must go on past a failure. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
