/**
 * A local SMS gateway for the tests: a real HTTP server on a free port that records every
 * request (headers and JSON body) and answers as the test says (status, delay), in order. The
 * 好差评推送 tests use it as the province's platform (their body type, and a fixed port to come
 * back on after it was down).
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SmsWebhookBody } from '../../shared/notify';

export interface GatewayRequest<B = SmsWebhookBody> {
  headers: IncomingHttpHeaders;
  body: B;
}

export interface Answer {
  status: number;
  /** Milliseconds before answering (a slow or hung platform). */
  delayMs?: number;
  body?: string;
}

export interface Gateway<B = SmsWebhookBody> {
  url: string;
  port: number;
  requests: GatewayRequest<B>[];
  /** Answers for the next requests, in order; after them, `otherwise`. */
  answers: Answer[];
  otherwise: Answer;
  /** Asked first, with the request's body: an answer for this one request (a platform choking on one report), or undefined. */
  answerFor?: (body: B) => Answer | undefined;
  close(): Promise<void>;
}

export async function startGateway<B = SmsWebhookBody>(otherwise: Answer = { status: 200, body: '{"ok":true}' }, port = 0): Promise<Gateway<B>> {
  const gw: Omit<Gateway<B>, 'url' | 'port' | 'close'> = { requests: [], answers: [], otherwise };
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const body = JSON.parse(raw) as B;
      gw.requests.push({ headers: req.headers, body });
      const a = gw.answerFor?.(body) ?? gw.answers.shift() ?? gw.otherwise;
      setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(a.status, { 'content-type': 'application/json' });
        res.end(a.body ?? '');
      }, a.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.address() as AddressInfo).port;
  return Object.assign(gw, {
    url: `http://127.0.0.1:${bound}/sms/send`,
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
