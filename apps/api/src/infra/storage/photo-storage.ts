import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

/**
 * Where re-encoded photos live. The local disk under the data folder is the embedded default; an
 * S3-compatible store would be a second implementation of these three methods.
 */
@Injectable()
export class PhotoStorage {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = config.photoDir;
  }

  /** Keys are `<photo id>/<rendition>.webp`: a UUID and a fixed name, never a user's file name. */
  private file(key: string): string {
    if (!/^[0-9a-f-]{36}\/[a-z]+\.webp$/.test(key)) throw new Error(`bad photo key ${key}`);
    return path.join(this.root, key);
  }

  async put(key: string, data: Buffer): Promise<void> {
    const file = this.file(key);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, data);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.file(key));
    } catch {
      return null;
    }
  }

  /** Removes every rendition of a photo (erasure, deletion); missing files are fine. */
  async removePhoto(photoId: string): Promise<void> {
    if (!/^[0-9a-f-]{36}$/.test(photoId)) return;
    await rm(path.join(this.root, photoId), { recursive: true, force: true });
  }
}
