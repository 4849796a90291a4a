import net from 'node:net';
import { buildApp } from '../../src/app.ts';
import type { GatewayOptions } from '../../src/exchange/gateway.ts';
import type { IdentityRouteOptions } from '../../src/identity/identity.routes.ts';
import type { RouteInfo } from '../../src/platform/http/server.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export interface TestServer {
  /** Base URL of the real HTTP server, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly database: TestDatabase;
  readonly routes: readonly RouteInfo[];
  /** A new platform_admin API token. */
  adminToken(): Promise<string>;
  /** A new agency_operator API token for the agency (default Kabupaten Sleman). */
  operatorToken(agencyCode?: string): Promise<string>;
  close(): Promise<void>;
}

/** Starts Padu's real HTTP server on a free port over a fresh test database. */
export async function startTestServer(
  options: {
    gateway?: Partial<GatewayOptions>;
    identity?: Partial<IdentityRouteOptions>;
    /** The host name in the public URL (WebAuthn needs a name, not an address: 'localhost'). */
    publicHost?: string;
  } = {},
): Promise<TestServer> {
  // The port is chosen first: the OpenID Connect issuer and the WebAuthn origin are the server's
  // own URL.
  const port = await freePort();
  const publicUrl = `http://${options.publicHost ?? '127.0.0.1'}:${port}`;
  const database = await createTestDatabase({ publicUrl });
  const { app, routes } = await buildApp({
    publicUrl,
    db: database.handle.db,
    services: database.services,
    logLevel: 'silent',
    ...(options.gateway === undefined ? {} : { gateway: options.gateway }),
    ...(options.identity === undefined ? {} : { identity: options.identity }),
  });
  const url = await app.listen({ port, host: '127.0.0.1' });
  const { accounts } = database.services;
  return {
    url,
    database,
    routes,
    adminToken: async () =>
      (
        await accounts.createApiToken(
          { name: 'test-admin', role: 'platform_admin', agencyCode: null },
          'test',
        )
      ).token,
    operatorToken: async (agencyCode = '34.04') =>
      (
        await accounts.createApiToken(
          { name: 'test-operator', role: 'agency_operator', agencyCode },
          'test',
        )
      ).token,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/** A port that was free a moment ago (the kernel's choice for port 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
