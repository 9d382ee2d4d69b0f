/**
 * A local SMS gateway for the tests: a real HTTP server on a free port that records every
 * request (headers and JSON body) and answers as the test says (status, delay), in order.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SmsWebhookBody } from '../../shared/notify';

export interface GatewayRequest {
  headers: IncomingHttpHeaders;
  body: SmsWebhookBody;
}

export interface Answer {
  status: number;
  /** Milliseconds before answering (a slow or hung platform). */
  delayMs?: number;
  body?: string;
}

export interface Gateway {
  url: string;
  requests: GatewayRequest[];
  /** Answers for the next requests, in order; after them, `otherwise`. */
  answers: Answer[];
  otherwise: Answer;
  close(): Promise<void>;
}

export async function startGateway(otherwise: Answer = { status: 200, body: '{"ok":true}' }): Promise<Gateway> {
  const gw: Omit<Gateway, 'url' | 'close'> = { requests: [], answers: [], otherwise };
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      gw.requests.push({ headers: req.headers, body: JSON.parse(raw) as SmsWebhookBody });
      const a = gw.answers.shift() ?? gw.otherwise;
      setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(a.status, { 'content-type': 'application/json' });
        res.end(a.body ?? '');
      }, a.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(gw, {
    url: `http://127.0.0.1:${port}/sms/send`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
