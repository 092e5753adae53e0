import { pathsWithForbiddenText } from '@partagora/domain';
import type { NextFunction, Request, Response } from 'express';
import { errorBody } from './error-status';

/**
 * Refuses, before any route runs, a request whose path, query or JSON body holds text no field may
 * store (the NUL character) or a path that is not valid percent-encoding: a 400 in the shared shape
 * naming the fields, instead of a database error deep inside a transaction.
 */
export function inputGuard(req: Request, res: Response, next: NextFunction): void {
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    res
      .status(400)
      .json(
        errorBody('VALIDATION_FAILED', 'The address is not valid percent-encoding', req.id ?? '-', [
          { path: 'path', message: 'Invalid percent-encoding' },
        ]),
      );
    return;
  }
  const bad = [
    ...pathsWithForbiddenText(path, 'path'),
    ...pathsWithForbiddenText(req.query, 'query'),
    ...pathsWithForbiddenText(req.body, 'body'),
  ];
  if (bad.length === 0) return next();
  res.status(400).json(
    errorBody(
      'VALIDATION_FAILED',
      'Text may not contain the NUL character',
      req.id ?? '-',
      bad.map((p) => ({ path: p.replace(/^(body|query)\.?/, ''), message: 'NUL character' })),
    ),
  );
}
