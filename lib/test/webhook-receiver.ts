import http from "node:http";
import type { AddressInfo } from "node:net";

export type TReceivedWebhook = { headers: Record<string, string>; body: string; receivedAt: number };

export type TWebhookReceiver = {
  url: string;
  received: TReceivedWebhook[];
  /** How the next requests are answered: a status code after an optional delay. */
  respondWith(answer: { status?: number; delayMs?: number; location?: string }): void;
  close(): Promise<void>;
};

/** A webhook receiver on 127.0.0.1 and a random port, recording every request it gets. */
export async function startWebhookReceiver(): Promise<TWebhookReceiver> {
  const received: TReceivedWebhook[] = [];
  let answer: { status?: number; delayMs?: number; location?: string } = {};
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const headers = Object.fromEntries(
        Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : (value ?? "")]),
      );
      received.push({ headers, body: Buffer.concat(chunks).toString("utf8"), receivedAt: Date.now() });
      const { status = 204, delayMs = 0, location } = answer;
      setTimeout(() => {
        if (response.destroyed) return;
        response.writeHead(status, location ? { location } : {});
        response.end();
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/concord`,
    received,
    respondWith(next) {
      answer = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
