// A local stand-in for an OpenAI-compatible endpoint: POST /v1/chat/completions
// answered with the real response shape, or with the real error bodies, so the
// real `openai` client runs against it unchanged. Each test says what the
// "model" answers; the server records every request it got.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const TEST_API_KEY = "sk-test-local-key";

export interface ChatRequest {
  body: {
    model: string;
    messages: { role: string; content: string }[];
    response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: Record<string, unknown> } };
    [key: string]: unknown;
  };
  authorization: string | undefined;
}

export type Reply =
  /** The assistant's message content, as the model wrote it (any string, valid JSON or not). */
  | { content: string }
  /** An error status with the error body the real API sends for it. */
  | { status: 429 | 500 }
  /** No answer at all until the server closes (a slow model). */
  | { hang: true };

export const reply = {
  json: (value: unknown): Reply => ({ content: JSON.stringify(value) }),
  text: (content: string): Reply => ({ content }),
  error: (status: 429 | 500): Reply => ({ status }),
  hang: (): Reply => ({ hang: true }),
};

const ERRORS = {
  429: {
    message: "Rate limit reached for gpt-4o-mini in organization org-test on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s.",
    type: "requests",
    param: null,
    code: "rate_limit_exceeded",
  },
  500: {
    message: "The server had an error while processing your request. Sorry about that!",
    type: "server_error",
    param: null,
    code: null,
  },
};

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", "x-request-id": `req_${Date.now()}`, ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export interface ChatServer {
  /** The base URL to give the client (…/v1). */
  url: string;
  requests: ChatRequest[];
  /** What the model answers next; set by each test. */
  answer: (request: ChatRequest) => Reply;
  close(): Promise<void>;
}

export async function startChatServer(): Promise<ChatServer> {
  let completions = 0;
  const state: ChatServer = {
    url: "",
    requests: [],
    answer: () => ({ status: 500 }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
        return send(res, 404, { error: { message: `Invalid URL (${req.method} ${req.url})`, type: "invalid_request_error", param: null, code: null } });
      }
      if (req.headers.authorization !== `Bearer ${TEST_API_KEY}`) {
        return send(res, 401, {
          error: { message: "Incorrect API key provided.", type: "invalid_request_error", param: null, code: "invalid_api_key" },
        });
      }
      const request: ChatRequest = { body: JSON.parse(raw) as ChatRequest["body"], authorization: req.headers.authorization };
      state.requests.push(request);
      const answer = state.answer(request);
      if ("hang" in answer) return; // closeAllConnections ends it
      if ("status" in answer) {
        return send(res, answer.status, { error: ERRORS[answer.status] }, answer.status === 429 ? { "retry-after": "20" } : {});
      }
      completions++;
      send(res, 200, {
        id: `chatcmpl-test${completions}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: request.body.model,
        choices: [
          {
            index: 0,
            message: { role: "assistant", content: answer.content, refusal: null, annotations: [] },
            logprobs: null,
            finish_reason: "stop",
          },
        ],
        usage: {
          prompt_tokens: 120,
          completion_tokens: 30,
          total_tokens: 150,
          prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
          completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
        },
        service_tier: "default",
        system_fingerprint: "fp_test",
      });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return state;
}
