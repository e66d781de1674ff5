import { Module } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { FILE_STORAGE } from './file-storage';
import { LocalFileStorage } from './local-file-storage';

/**
 * Provides FILE_STORAGE. Local disk under `STORAGE_DIR` today; an S3-compatible implementation
 * of the same interface replaces it here without touching its users.
 */
@Module({
  providers: [
    {
      provide: FILE_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new LocalFileStorage(config.storageDir),
    },
  ],
  exports: [FILE_STORAGE],
})
export class StorageModule {}
