/**
 * Photos the server keeps (receipts, delivery proof): the bytes in `<data dir>/files/<id>`, a
 * `stored_files` row saying what they are and whose region they belong to. Features serve their
 * own files through their own routes, so access follows the record the file belongs to.
 */
import { createHash } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, open, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { StoredFileKind } from '../../../common/enums.ts';
import { newId, nowIso } from '../db/ids.ts';
import type { Database } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { invalidField } from '../errors.ts';

export const IMAGE_MIMES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageMime = (typeof IMAGE_MIMES)[number];

/** A phone photo, resized by the app to ≤ 1600 px, is well under this. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** What the bytes really are (the declared type is the client's word only), or null. */
export function sniffImage(bytes: Buffer): ImageMime | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp';
  return null;
}

/**
 * Makes the (encapsulated) plugin take raw image bytes as request bodies and nothing else; register
 * upload routes in a plugin of their own.
 */
export function acceptImageUploads(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser([...IMAGE_MIMES], { parseAs: 'buffer', bodyLimit: MAX_IMAGE_BYTES }, (_req, body, done) =>
    done(null, body),
  );
}

const dirOf = (deps: Deps) => join(deps.config.dataDir, 'files');

/**
 * Checks the bytes are an image of an accepted type (422 on `field` otherwise) and writes them to
 * disk durably, under a new id; `record` then adds the row inside the caller's transaction. The
 * bytes go first: a transaction that fails leaves an unreferenced file, never a row without bytes.
 */
export async function writeImage(
  deps: Deps,
  field: string,
  bytes: unknown,
): Promise<{ id: string; mime: ImageMime; bytes: Buffer }> {
  if (!Buffer.isBuffer(bytes) || bytes.length === 0) throw invalidField(field, 'field.file.image');
  const mime = sniffImage(bytes);
  if (!mime) throw invalidField(field, 'field.file.image');
  const id = newId();
  const dir = dirOf(deps);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `${id}.part`);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, join(dir, id));
  return { id, mime, bytes };
}

export async function recordFile(
  q: Kysely<Database>,
  file: { id: string; mime: ImageMime; bytes: Buffer },
  o: { kind: StoredFileKind; regionId: string; createdBy: string | null },
): Promise<void> {
  await q
    .insertInto('storedFiles')
    .values({
      id: file.id,
      kind: o.kind,
      mime: file.mime,
      sizeBytes: file.bytes.length,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      regionId: o.regionId,
      createdBy: o.createdBy,
      createdAt: nowIso(),
    })
    .execute();
}

/** The stored file's bytes and type, or null when there is no such file. */
export async function openFile(deps: Deps, id: string): Promise<{ mime: string; size: number; stream: ReadStream } | null> {
  const row = await deps.db.db.selectFrom('storedFiles').select(['mime', 'sizeBytes']).where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const path = join(dirOf(deps), id);
  try {
    await stat(path);
  } catch {
    return null;
  }
  return { mime: row.mime, size: row.sizeBytes, stream: createReadStream(path) };
}
