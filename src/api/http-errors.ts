import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { CoopAtlasError, type ErrorCode } from '../core/errors.js';
import type { ErrorBody } from './contract.js';

/** The one place where error codes become HTTP statuses. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  INVALID_ARGUMENT: 400,
  SHEET_INVALID: 400,
  UNDECODABLE_TEXT: 400,
  NOT_AUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FILE_TOO_LARGE: 413,
};

/** Messages are written "中文 (English)": the API gives both halves apart. */
export function errorBody(code: string, message: string): ErrorBody {
  const split = /^(.*?)\s*\(([^()]*[A-Za-z][^()]*)\)\s*$/s.exec(message);
  return split
    ? { error: { code, message: split[1] as string, messageEn: split[2] as string } }
    : { error: { code, message } };
}

export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation
      .map((issue) => `${issue.instancePath.replace(/^\//, '')} ${issue.message}`.trim())
      .join('; ');
    return reply
      .code(400)
      .send(errorBody('INVALID_ARGUMENT', `请求参数不正确：${details} (invalid request: ${details})`));
  }
  if (error instanceof CoopAtlasError) {
    return reply.code(STATUS[error.code] ?? 422).send(errorBody(error.code, error.message));
  }
  if (
    error.statusCode === 413 ||
    error.code === 'FST_REQ_FILE_TOO_LARGE' ||
    error.code === 'FST_FILES_LIMIT'
  ) {
    return reply.code(413).send(errorBody('FILE_TOO_LARGE', '上传的文件过大或过多 (upload too large)'));
  }
  if (error.statusCode === 429) {
    return reply
      .code(429)
      .send(errorBody('RATE_LIMITED', '尝试次数过多，请稍后再试 (too many attempts, try again later)'));
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return reply
      .code(error.statusCode)
      .send(errorBody('BAD_REQUEST', `请求无法处理：${error.message} (bad request: ${error.message})`));
  }
  request.log.error({ err: error }, 'request failed');
  return reply.code(500).send(errorBody('INTERNAL', '服务器内部错误，请联系管理员 (internal server error)'));
}
