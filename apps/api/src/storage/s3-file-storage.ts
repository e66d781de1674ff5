import { pipeline, Readable, Transform } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  NoSuchKey,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { assertStorageKey, type FileStorage, StoredFileNotFoundError } from './file-storage';

export interface S3FileStorageOptions {
  bucket: string;
  /** Key prefix inside the bucket, without slashes at either end ('' = none). */
  prefix: string;
  /** An S3-compatible service; null = AWS S3. */
  endpoint: string | null;
  region: string;
  forcePathStyle: boolean;
}

/**
 * Multipart part size. S3's minimum is 5 MiB; memory per upload is about
 * PART_SIZE × (UPLOAD_QUEUE + 1), whatever the file's size.
 */
const PART_SIZE = 8 * 1024 * 1024;
const UPLOAD_QUEUE = 2;
/** Times a download cut off mid-way is resumed from where it stopped before the read fails. */
const RESUMES = 5;

function isMissing(error: unknown): boolean {
  return (
    error instanceof NoSuchKey ||
    (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)
  );
}

/**
 * FileStorage on an S3-compatible bucket (AWS S3, MinIO, Ceph, R2, …), so any worker can read a
 * file uploaded through any replica. Uploads stream as multipart uploads of PART_SIZE parts and
 * only become visible when complete (a failed one is aborted, its parts removed); downloads
 * stream, and one whose connection drops resumes with a ranged GET pinned to the same ETag.
 */
export class S3FileStorage implements FileStorage {
  private readonly client: S3Client;

  constructor(private readonly options: S3FileStorageOptions) {
    const custom = options.endpoint !== null;
    this.client = new S3Client({
      region: options.region,
      ...(custom ? { endpoint: options.endpoint ?? undefined } : {}),
      forcePathStyle: options.forcePathStyle,
      // The SDK's default CRC checksums (aws-chunked bodies with trailers) are not understood by
      // every S3-compatible service; AWS S3 itself still gets them.
      requestChecksumCalculation: custom ? 'WHEN_REQUIRED' : 'WHEN_SUPPORTED',
      responseChecksumValidation: custom ? 'WHEN_REQUIRED' : 'WHEN_SUPPORTED',
      requestHandler: { connectionTimeout: 5000 },
    });
  }

  /** `s3://bucket/prefix` (and the endpoint), for logs. */
  describe(): string {
    const where = `s3://${this.options.bucket}${this.options.prefix ? `/${this.options.prefix}` : ''}`;
    return this.options.endpoint ? `${where} at ${this.options.endpoint}` : where;
  }

  private objectKey(key: string): string {
    assertStorageKey(key);
    return this.options.prefix ? `${this.options.prefix}/${key}` : key;
  }

  async verify(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.options.bucket }));
  }

  async put(key: string, body: Readable): Promise<{ size: number }> {
    const objectKey = this.objectKey(key);
    let size = 0;
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        callback(null, chunk);
      },
    });
    // A failing body destroys `counted` with its error, which ends the upload with that error.
    pipeline(body, counted, () => {});
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.options.bucket, Key: objectKey, Body: counted },
      partSize: PART_SIZE,
      queueSize: UPLOAD_QUEUE,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (error) {
      // Stops reading the source (the request) when S3 refused the upload.
      counted.destroy();
      throw error;
    }
    return { size };
  }

  async get(key: string): Promise<Readable> {
    const objectKey = this.objectKey(key);
    const first = await this.client
      .send(new GetObjectCommand({ Bucket: this.options.bucket, Key: objectKey }))
      .catch((error: unknown) => {
        throw isMissing(error) ? new StoredFileNotFoundError(key) : error;
      });
    const body = first.Body as Readable | undefined;
    if (!body) throw new Error(`S3 answered GET ${objectKey} without a body`);
    return Readable.from(this.read(objectKey, body, first.ETag, first.ContentLength), {
      objectMode: false,
      highWaterMark: 256 * 1024,
    });
  }

  /**
   * The object's bytes from `body`, resumed with `Range: bytes=N-` (and `If-Match`, so a replaced
   * object is never spliced onto the old one) when the connection fails before `length` bytes.
   * An import may pause its read for minutes while it writes batches; the service or a proxy
   * on the way may close such a connection.
   */
  private async *read(
    objectKey: string,
    body: Readable,
    etag: string | undefined,
    length: number | undefined,
  ): AsyncGenerator<Buffer> {
    let current = body;
    let offset = 0;
    let resumes = 0;
    try {
      for (;;) {
        try {
          for await (const chunk of current) {
            offset += (chunk as Buffer).length;
            yield chunk as Buffer;
          }
          if (length === undefined || offset >= length) return;
          throw new Error(`S3 download of ${objectKey} ended after ${offset} of ${length} bytes`);
        } catch (error) {
          if (length === undefined || offset >= length || resumes >= RESUMES) throw error;
          resumes++;
          current.destroy();
          const next = await this.client.send(
            new GetObjectCommand({
              Bucket: this.options.bucket,
              Key: objectKey,
              Range: `bytes=${offset}-`,
              ...(etag ? { IfMatch: etag } : {}),
            }),
          );
          if (!next.Body) throw error;
          current = next.Body as Readable;
        }
      }
    } finally {
      current.destroy();
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }),
    );
  }
}
