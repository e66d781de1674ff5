import { Module } from '@nestjs/common';
import type { AppConfig, StorageConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { FILE_STORAGE, type FileStorage } from './file-storage';
import { LocalFileStorage } from './local-file-storage';
import { S3FileStorage } from './s3-file-storage';

/** The FileStorage that `STORAGE_URL` (or `STORAGE_DIR`) names. */
export function createFileStorage(storage: StorageConfig): FileStorage {
  return storage.kind === 's3'
    ? new S3FileStorage(storage)
    : new LocalFileStorage(storage.directory);
}

/** Provides FILE_STORAGE: a local directory by default, an S3-compatible bucket by configuration. */
@Module({
  providers: [
    {
      provide: FILE_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createFileStorage(config.storage),
    },
  ],
  exports: [FILE_STORAGE],
})
export class StorageModule {}
