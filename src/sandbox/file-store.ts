// Files that pass through the emulated Bot API (photos the bot uploads, photos
// a user sends), saved under one folder with Telegram-like file ids.
import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface StoredFile {
  fileId: string;
  /** A second id, of the small PhotoSize, for the same file. */
  thumbnailId: string;
  fileUniqueId: string;
  /** Relative path served at /file/bot<token>/<filePath>, as getFile reports it. */
  filePath: string;
  /** Absolute path on this machine; undefined for a remote URL the emulator did not fetch. */
  localPath?: string;
  url?: string;
  size: number;
  width: number;
  height: number;
  fileName?: string;
}

export class FileStore {
  private readonly byId = new Map<string, StoredFile>();
  private counter: number;

  // Numbering goes on from the files of earlier runs, so a new photo never
  // overwrites one a transcript (or a deal in the database) still points to.
  constructor(readonly dir: string) {
    this.counter = highestFileNumber(dir);
  }

  get(fileId: string): StoredFile | undefined {
    return this.byId.get(fileId);
  }

  /** Looks a stored file up by its path relative to the files folder. */
  byFilePath(filePath: string): StoredFile | undefined {
    for (const f of this.byId.values()) if (f.filePath === filePath) return f;
    return undefined;
  }

  saveUpload(kind: "photos" | "documents", data: Buffer, fileName: string): StoredFile {
    const ext = path.extname(fileName).slice(1).toLowerCase() || (kind === "photos" ? "jpg" : "dat");
    const filePath = `${kind}/file_${++this.counter}.${ext}`;
    const localPath = path.resolve(this.dir, filePath);
    mkdirSync(path.dirname(localPath), { recursive: true });
    writeFileSync(localPath, data);
    return this.register({ filePath, localPath, size: data.length, ...imageSize(data), fileName });
  }

  saveLocalFile(kind: "photos" | "documents", source: string): StoredFile {
    const data = readFileSync(source);
    const stored = this.saveUpload(kind, Buffer.alloc(0), path.basename(source));
    copyFileSync(source, stored.localPath!);
    Object.assign(stored, { size: data.length, ...imageSize(data) });
    return stored;
  }

  /** A file the bot sent by HTTP URL: Telegram would fetch it; offline, only the URL is kept. */
  registerUrl(url: string): StoredFile {
    return this.register({ filePath: `remote/file_${++this.counter}`, url, size: 0, width: 0, height: 0 });
  }

  private register(file: Omit<StoredFile, "fileId" | "thumbnailId" | "fileUniqueId">): StoredFile {
    const id = () => `AgACAgIAAxk${randomBytes(24).toString("base64url")}`;
    const stored: StoredFile = { fileId: id(), thumbnailId: id(), fileUniqueId: `AQAD${randomBytes(8).toString("base64url")}`, ...file };
    this.byId.set(stored.fileId, stored);
    this.byId.set(stored.thumbnailId, stored);
    return stored;
  }
}

function highestFileNumber(dir: string): number {
  let highest = 0;
  for (const kind of ["photos", "documents"]) {
    const folder = path.join(dir, kind);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder)) {
      const n = /^file_(\d+)\./.exec(name)?.[1];
      if (n) highest = Math.max(highest, Number(n));
    }
  }
  return highest;
}

/** Width and height of a PNG or JPEG, so PhotoSize looks like Telegram's; a default otherwise. */
export function imageSize(data: Buffer): { width: number; height: number } {
  if (data.length > 24 && data.readUInt32BE(0) === 0x89504e47) {
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  if (data.length > 4 && data[0] === 0xff && data[1] === 0xd8) {
    let i = 2;
    while (i + 9 < data.length) {
      if (data[i] !== 0xff) {
        i++;
        continue;
      }
      const marker = data[i + 1]!;
      const len = data.readUInt16BE(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: data.readUInt16BE(i + 5), width: data.readUInt16BE(i + 7) };
      }
      i += 2 + len;
    }
  }
  return { width: 1280, height: 960 };
}
