// A local webhook endpoint for tests: records each body with its signature header, answers with the given statuses.
import { createServer, IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SIGNATURE_HEADER } from '../../src/handoff/destinations/webhook';

export interface WebhookReceiver {
  url: string;
  received: Array<{ body: string; signature: string | undefined }>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(statuses: number[] = [200]): Promise<WebhookReceiver> {
  const received: WebhookReceiver['received'] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ body, signature: req.headers[SIGNATURE_HEADER] as string | undefined });
      res.writeHead(statuses[Math.min(received.length - 1, statuses.length - 1)]);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return {
    url,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
