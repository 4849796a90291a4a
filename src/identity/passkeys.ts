import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { AppError } from '../platform/http/errors.ts';
import type { CitizenRow, PasskeyRow } from './identity.repository.ts';

/** WebAuthn options and responses as JSON (PublicKeyCredential*OptionsJSON, *ResponseJSON). */
export type PasskeyJson = Record<string, unknown>;

/**
 * WebAuthn ceremonies (passkeys) for Padu's origin, with @simplewebauthn/server: the relying party
 * is PADU_PUBLIC_URL's host name, and only that origin's signatures count. Passkeys are a second
 * factor here, after the password, as the TOTP code is; a citizen may have several.
 */
export function passkeyCeremonies(publicUrl: string) {
  const url = new URL(publicUrl);
  const rpID = url.hostname;
  const origin = url.origin;

  function unverified(reason: string): AppError {
    return new AppError('VALIDATION_FAILED', `The passkey response was not accepted: ${reason}.`);
  }

  return {
    async registrationOptions(citizen: CitizenRow, existing: readonly PasskeyRow[]) {
      const json = await generateRegistrationOptions({
        rpName: 'Padu',
        rpID,
        // The authenticator shows these; the NIK is not given to it.
        userName: citizen.email,
        userDisplayName: citizen.name,
        userID: new TextEncoder().encode(`padu-citizen-${citizen.id}`),
        attestationType: 'none',
        excludeCredentials: existing.map((p) => ({
          id: p.id,
          transports: [...p.transports] as AuthenticatorTransport[],
        })),
        authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
      });
      return { json: json as unknown as PasskeyJson, challenge: json.challenge };
    },

    async verifyRegistration(response: PasskeyJson, challenge: string | null) {
      if (challenge === null) throw unverified('no passkey registration was started; start again');
      let result;
      try {
        result = await verifyRegistrationResponse({
          response: response as unknown as RegistrationResponseJSON,
          expectedChallenge: challenge,
          expectedOrigin: origin,
          expectedRPID: rpID,
          requireUserVerification: false,
        });
      } catch (error) {
        throw unverified((error as Error).message);
      }
      if (!result.verified) throw unverified('its signature does not verify');
      const { credential } = result.registrationInfo;
      return {
        id: credential.id,
        publicKey: Buffer.from(credential.publicKey),
        counter: credential.counter,
        transports: credential.transports ?? [],
      };
    },

    async authenticationOptions(registered: readonly PasskeyRow[]) {
      const json = await generateAuthenticationOptions({
        rpID,
        allowCredentials: registered.map((p) => ({
          id: p.id,
          transports: [...p.transports] as AuthenticatorTransport[],
        })),
        userVerification: 'preferred',
      });
      return { json: json as unknown as PasskeyJson, challenge: json.challenge };
    },

    /** The passkey that signed, with its new counter; null when the response does not verify. */
    async verifyAuthentication(
      response: PasskeyJson,
      challenge: string | null,
      registered: readonly PasskeyRow[],
    ): Promise<{ id: string; counter: number } | null> {
      const passkey = registered.find((p) => p.id === response.id);
      if (challenge === null || passkey === undefined) return null;
      try {
        const result = await verifyAuthenticationResponse({
          response: response as unknown as AuthenticationResponseJSON,
          expectedChallenge: challenge,
          expectedOrigin: origin,
          expectedRPID: rpID,
          credential: {
            id: passkey.id,
            publicKey: new Uint8Array(passkey.publicKey),
            counter: passkey.counter,
            transports: [...passkey.transports] as AuthenticatorTransport[],
          },
          requireUserVerification: false,
        });
        return result.verified
          ? { id: passkey.id, counter: result.authenticationInfo.newCounter }
          : null;
      } catch {
        return null;
      }
    },
  };
}
