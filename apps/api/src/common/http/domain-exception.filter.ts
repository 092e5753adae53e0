import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import { type ErrorCode, isDomainError } from '@partagora/domain';
import type { Request, Response } from 'express';
import { RateLimitedError } from '../rate-limit/rate-limited.error';
import { ERROR_STATUS, errorBody } from './error-status';

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** Turns anything thrown into the shared error shape; bad input never becomes a 500. */
export function toErrorResponse(exception: unknown): {
  status: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
  /** 429: seconds before retrying, sent as `Retry-After`. */
  retryAfterSeconds?: number;
} {
  if (exception instanceof RateLimitedError) {
    return {
      status: ERROR_STATUS[exception.code],
      code: exception.code,
      message: exception.message,
      details: exception.details,
      retryAfterSeconds: exception.retryAfterSeconds,
    };
  }
  if (isDomainError(exception)) {
    return {
      status: ERROR_STATUS[exception.code],
      code: exception.code,
      message: exception.message,
      details: exception.details,
    };
  }
  // A body whose Content-Encoding (gzip, deflate, br) does not match its bytes: zlib's errors.
  const z = exception as { code?: unknown; errno?: unknown };
  if (
    z &&
    typeof z === 'object' &&
    typeof z.code === 'string' &&
    /^(Z_|ERR_ZLIB|ERR__|ERR_BROTLI)/.test(z.code)
  ) {
    return {
      status: 400,
      code: 'BODY_ENCODING_INVALID',
      message: 'The request body does not match its Content-Encoding',
    };
  }
  // body-parser errors carry `type` and `status`.
  const bp = exception as { type?: string; status?: number; message?: string };
  if (
    bp &&
    typeof bp === 'object' &&
    typeof bp.type === 'string' &&
    typeof bp.status === 'number'
  ) {
    if (bp.type === 'entity.parse.failed')
      return {
        status: 400,
        code: 'MALFORMED_JSON',
        message: 'The request body is not valid JSON',
      };
    if (bp.type === 'entity.too.large')
      return {
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: 'The request body is too large',
      };
    if (bp.type === 'encoding.unsupported' || bp.type === 'charset.unsupported') {
      return {
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'Unsupported body encoding',
      };
    }
    if (bp.status >= 400 && bp.status < 500) {
      return {
        status: bp.status,
        code: STATUS_CODES[bp.status] ?? 'VALIDATION_FAILED',
        message: 'Bad request body',
      };
    }
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED');
    const message = status === 404 ? 'No such resource' : exception.message;
    return { status, code, message };
  }
  return {
    status: 500,
    code: 'INTERNAL',
    message: 'Something went wrong on our side',
  };
}

@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const { status, code, message, details, retryAfterSeconds } = toErrorResponse(exception);
    // A DomainError with a 5xx code (RATE_LIMIT_UNAVAILABLE…) is expected and logged where it arises.
    if (status >= 500 && !isDomainError(exception)) {
      this.logger.error(
        `${req.method} ${req.path} [${req.id ?? '-'}] ${String((exception as Error)?.stack ?? exception)}`,
      );
    }
    if (res.headersSent) return;
    if (retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(retryAfterSeconds));
    res.status(status).json(errorBody(code, message, req.id ?? '-', details));
  }
}
