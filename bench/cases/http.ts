/** 1. A bare Fastify route against a bare node:http server giving the same small JSON answer. */
import { startBare } from '../lib/bare.ts';
import { alternate, cannon } from '../lib/load.ts';
import { throughput, type Comparison, type Settings } from '../lib/report.ts';

export async function benchHttp(dir: string, s: Settings): Promise<Comparison> {
  const http = await startBare('http', dir);
  try {
    const fastify = await startBare('fastify', dir);
    try {
      const hello = { path: '/hello', connections: s.connections };
      const [ours, bare] = await alternate(
        [cannon('bare Fastify GET', { url: fastify.url, ...hello }), cannon('bare node:http GET', { url: http.url, ...hello })],
        s,
      );
      return throughput('1. Fastify vs node:http (trivial JSON)', ours!, bare!);
    } finally {
      await fastify.stop();
    }
  } finally {
    await http.stop();
  }
}
