import type { ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

/** The `padu` command, for tests that run the real process. */
export const PADU = path.resolve('bin/padu.js');

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Polls /healthz until it answers; returns how long that took (ms). */
export async function waitForHealthy(
  url: string,
  child: ChildProcess,
  timeoutMs: number,
): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`padu start exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no answer from ${url}/healthz within ${timeoutMs} ms`);
}
