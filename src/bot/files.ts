// Files Telegram holds (deal photos), fetched through the Bot API: getFile,
// then the file's download address, which carries the bot token and so
// never leaves the server.
import type { Api } from "grammy";

export interface FetchedFile {
  bytes: Buffer;
  contentType: string;
}

export type FileFetcher = (fileId: string) => Promise<FetchedFile>;

const TYPES: Record<string, string> = { jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png", webp: "image/webp", gif: "image/gif" };

export function createFileFetcher({ api, token, apiRoot }: { api: Api; token: string; apiRoot: string }): FileFetcher {
  return async (fileId) => {
    const file = await api.getFile(fileId);
    if (!file.file_path) throw new Error(`Telegram gave no path for file ${fileId}`);
    const response = await fetch(`${apiRoot}/file/bot${token}/${file.file_path}`);
    if (!response.ok) throw new Error(`downloading file ${fileId}: HTTP ${response.status}`);
    const extension = file.file_path.split(".").pop()?.toLowerCase() ?? "";
    return { bytes: Buffer.from(await response.arrayBuffer()), contentType: TYPES[extension] ?? "application/octet-stream" };
  };
}
