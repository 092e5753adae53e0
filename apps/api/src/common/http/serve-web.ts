import { existsSync } from 'node:fs';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';

/** Hashed build files (`/assets/index-3f9a1c.js`): their content never changes under a name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (`index.html`, the icon): always revalidated, so a deployment shows at once. */
const REVALIDATE = 'no-cache';

const isHashedAsset = (file: string) =>
  /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+(\.br|\.gz)?$/.test(file);

/**
 * The built web app on the same origin: pre-compressed copies (`.br`, `.gz`, made at build time)
 * when the browser accepts them, hashed assets cached for a year, `index.html` revalidated, and
 * unknown non-API paths answered with `index.html` (client routing).
 */
export function serveWeb(app: NestExpressApplication, dist: string): void {
  const index = path.join(dist, 'index.html');
  if (!existsSync(index)) {
    new Logger('Web').warn(`WEB_DIST=${dist} has no index.html; serving the API only`);
    return;
  }
  app.use(
    expressStaticGzip(dist, {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: {
        index: false,
        setHeaders: (res, file) => {
          res.setHeader('Cache-Control', isHashedAsset(file) ? IMMUTABLE : REVALIDATE);
        },
      },
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api') || req.path.startsWith('/socket.io'))
      return next();
    res.setHeader('Cache-Control', REVALIDATE);
    res.sendFile(index);
  });
}
