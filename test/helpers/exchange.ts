import type { ExchangeService } from '../../src/exchange/exchange.service.ts';

/** An exchange access token by OAuth 2.0 client credentials, from a running Padu at `baseUrl`. */
export async function accessToken(
  baseUrl: string,
  clientId: string,
  clientSecret: string,
): Promise<string> {
  const response = await fetch(`${baseUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    }),
  });
  if (!response.ok) throw new Error(`/oauth/token answered ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/**
 * The usual pair for gateway tests: a provider system (SIAK Sleman, 34.04) publishing "Data
 * Penduduk" at `upstreamUrl`, a consumer system (SATUSEHAT, P.KEMENKES) and a grant between them.
 */
export async function publishTestService(
  exchange: ExchangeService,
  upstreamUrl: string,
  rateLimit = 100_000,
  options: { personalData?: boolean } = {},
): Promise<{
  path: string;
  serviceId: number;
  grantId: number;
  clientId: string;
  clientSecret: string;
}> {
  const provider = await exchange.addSystem({ agencyCode: '34.04', name: 'SIAK Sleman' }, 'test');
  const consumer = await exchange.addSystem(
    { agencyCode: 'P.KEMENKES', name: 'SATUSEHAT' },
    'test',
  );
  const { service, path } = await exchange.addService(
    {
      systemId: provider.system.id,
      name: 'Data Penduduk',
      upstreamUrl,
      personalData: options.personalData ?? false,
    },
    'test',
  );
  const grant = await exchange.addGrant(
    { serviceId: service.id, consumerSystemId: consumer.system.id, status: 'granted', rateLimit },
    'test',
  );
  return {
    path,
    serviceId: service.id,
    grantId: grant.id,
    clientId: consumer.system.clientId,
    clientSecret: consumer.clientSecret,
  };
}
