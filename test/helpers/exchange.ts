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
