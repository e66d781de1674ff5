/** The pg-boss queue that processes uploaded imports. */
export const IMPORT_QUEUE = 'import.process';

export interface ImportJobData {
  importId: string;
}
