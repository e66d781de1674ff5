import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { listS3Keys, type S3Server, startS3Server } from '@leadbridge/devkit/s3-server';
import { type FileStorage, StoredFileNotFoundError } from '../src/storage/file-storage';
import { LocalFileStorage } from '../src/storage/local-file-storage';
import { S3FileStorage } from '../src/storage/s3-file-storage';

const MiB = 1024 * 1024;

/** `total` bytes of CSV-like text in 64 kB chunks, produced as they are read. */
function generated(total: number, seed = 'row'): Readable {
  let sent = 0;
  let line = 0;
  return new Readable({
    read() {
      if (sent >= total) {
        this.push(null);
        return;
      }
      let chunk = '';
      while (chunk.length < 64 * 1024)
        chunk += `${seed}${line++},First,Last,lead${line}@example.com\n`;
      const buffer = Buffer.from(chunk).subarray(0, Math.min(chunk.length, total - sent));
      sent += buffer.length;
      this.push(buffer);
    },
  });
}

async function digest(stream: Readable): Promise<{ size: number; sha: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha: hash.digest('hex') };
}

/** A body that sends `bytes` and then fails, as an upload cut off by its client does. */
function failingAfter(bytes: number): Readable {
  const source = generated(bytes);
  const body = new Readable({ read() {} });
  source.on('data', (chunk) => body.push(chunk));
  source.on('end', () => body.destroy(new Error('client went away')));
  return body;
}

/**
 * A TCP proxy in front of the S3 server that cuts the first connection which carries more than
 * `cutAfter` bytes towards the client: a download dropped mid-way.
 */
async function startCuttingProxy(
  target: number,
  cutAfter: number,
): Promise<{ port: number; cuts: () => number; close: () => Promise<void> }> {
  let cuts = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(target, '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    let down = 0;
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk: Buffer) => {
      down += chunk.length;
      if (cuts === 0 && down > cutAfter) {
        cuts++;
        client.destroy();
        upstream.destroy();
        return;
      }
      client.write(chunk);
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', close);
    upstream.on('close', close);
    client.on('error', close);
    upstream.on('error', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    cuts: () => cuts,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let s3: S3Server;
let directory: string;
const previous = { ...process.env };

beforeAll(async () => {
  s3 = await startS3Server();
  directory = mkdtempSync(join(tmpdir(), 'lb-storage-'));
  // What the SDK's default credential chain reads; s3rver checks the signatures made with them.
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
});

afterAll(async () => {
  process.env = previous;
  await s3?.stop();
  rmSync(directory, { recursive: true, force: true });
});

interface Driver {
  storage: FileStorage;
  /** Everything stored, as keys. */
  stored: () => Promise<string[]>;
}

const drivers: [string, () => Promise<Driver>][] = [
  [
    'local directory',
    async () => {
      const root = mkdtempSync(join(directory, 'root-'));
      const storage = new LocalFileStorage(root);
      const walk = (dir: string, prefix = ''): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
          entry.isDirectory()
            ? walk(join(dir, entry.name), `${prefix}${entry.name}/`)
            : [`${prefix}${entry.name}`],
        );
      return { storage, stored: async () => walk(root).sort() };
    },
  ],
  [
    'S3-compatible bucket',
    async () => {
      const bucket = await s3.createBucket('lb-storage');
      const storage = new S3FileStorage({
        bucket,
        prefix: 'uploads',
        endpoint: s3.endpoint,
        region: 'us-east-1',
        forcePathStyle: true,
      });
      return {
        storage,
        stored: async () =>
          (await listS3Keys(s3.endpoint, bucket)).map((key) => key.replace(/^uploads\//, '')),
      };
    },
  ],
];

describe.each(drivers)('file storage on a %s', (_name, make) => {
  let driver: Driver;

  beforeAll(async () => {
    driver = await make();
    await driver.storage.verify();
  });

  it('streams a file in and out unchanged, larger than one multipart part, and reports its size', async () => {
    const size = 21 * MiB + 12_345;
    const expected = await digest(generated(size));
    const stored = await driver.storage.put('imports/c1/big.csv', generated(size));
    expect(stored.size).toBe(size);
    expect(await digest(await driver.storage.get('imports/c1/big.csv'))).toEqual(expected);
    expect(await driver.stored()).toEqual(['imports/c1/big.csv']);
    await driver.storage.delete('imports/c1/big.csv');
    expect(await driver.stored()).toEqual([]);
  });

  it('stores an empty file', async () => {
    expect(await driver.storage.put('imports/c1/empty.csv', Readable.from([]))).toEqual({
      size: 0,
    });
    expect(await digest(await driver.storage.get('imports/c1/empty.csv'))).toMatchObject({
      size: 0,
    });
    await driver.storage.delete('imports/c1/empty.csv');
  });

  it.each([
    ['a small upload', 100 * 1024],
    ['an upload past the first multipart part', 10 * MiB],
  ])('keeps nothing of %s whose body fails, and rejects with its error', async (_what, bytes) => {
    await expect(driver.storage.put('imports/c1/cut.csv', failingAfter(bytes))).rejects.toThrow(
      'client went away',
    );
    expect(await driver.stored()).toEqual([]);
    await expect(driver.storage.get('imports/c1/cut.csv')).rejects.toBeInstanceOf(
      StoredFileNotFoundError,
    );
  });

  it('says a missing file is missing, and deleting one is not an error', async () => {
    await expect(driver.storage.get('imports/none/x.csv')).rejects.toBeInstanceOf(
      StoredFileNotFoundError,
    );
    await expect(driver.storage.delete('imports/none/x.csv')).resolves.toBeUndefined();
  });

  it('refuses keys that could escape the storage or mean different things to different backends', async () => {
    for (const key of ['../x.csv', 'a/../b.csv', '/abs.csv', 'a//b.csv', 'a b.csv']) {
      await expect(driver.storage.put(key, Readable.from(['x']))).rejects.toThrow(
        /Invalid storage key/,
      );
    }
  });
});

describe('S3 storage', () => {
  it('resumes a download whose connection drops mid-way, from where it stopped', async () => {
    const bucket = await s3.createBucket('lb-resume');
    const direct = new S3FileStorage({
      bucket,
      prefix: '',
      endpoint: s3.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
    });
    const size = 6 * MiB;
    const expected = await digest(generated(size, 'resume'));
    await direct.put('imports/c/resume.csv', generated(size, 'resume'));
    const proxy = await startCuttingProxy(s3.port, 2 * MiB);
    try {
      const throughProxy = new S3FileStorage({
        bucket,
        prefix: '',
        endpoint: `http://127.0.0.1:${proxy.port}`,
        region: 'us-east-1',
        forcePathStyle: true,
      });
      expect(await digest(await throughProxy.get('imports/c/resume.csv'))).toEqual(expected);
      expect(proxy.cuts()).toBe(1);
    } finally {
      await proxy.close();
    }
  });

  it('fails its start-up check when the bucket does not exist', async () => {
    const storage = new S3FileStorage({
      bucket: `lb-missing-${randomBytes(4).toString('hex')}`,
      prefix: '',
      endpoint: s3.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
    });
    await expect(storage.verify()).rejects.toThrow();
  });
});
