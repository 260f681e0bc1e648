import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, JWK, JWTPayload, KeyLike, SignJWT } from 'jose';

export type ProviderAlgorithm = 'RS256' | 'ES256';

interface SigningKey {
  kid: string;
  alg: ProviderAlgorithm;
  privateKey: KeyLike;
  publicKey: KeyLike;
}

/**
 * A stand-in for an OpenID Connect provider (Keycloak, say): it publishes its public keys as a
 * JWKS over HTTP on 127.0.0.1 and signs access tokens with the private ones. `rotate` replaces
 * its keys, as a provider does at a key rotation.
 */
export class TestIdentityProvider {
  readonly issuer = 'https://id.coops.test/realms/federation';
  private keys: SigningKey[] = [];
  private server?: Server;
  /** How many times the apps fetched the keys. */
  fetches = 0;

  async start(): Promise<void> {
    this.keys = await Promise.all([newKey('RS256'), newKey('ES256')]);
    this.server = createServer((request, response) => {
      this.fetches += 1;
      void Promise.all(this.keys.map(publicJwk)).then((keys) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ keys }));
      });
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
  }

  get jwksUrl(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}/realms/federation/protocol/openid-connect/certs`;
  }

  /** Publishes a new key pair per algorithm in place of the old ones. */
  async rotate(): Promise<void> {
    this.keys = await Promise.all([newKey('RS256'), newKey('ES256')]);
  }

  /** The provider's public key for `alg`, as a PEM (what an attacker can read from the JWKS). */
  publicKeyPem(alg: ProviderAlgorithm): Promise<string> {
    return exportSPKI(this.key(alg).publicKey);
  }

  /** An access token signed with the current key for `alg`, valid for five minutes. */
  sign(claims: JWTPayload, alg: ProviderAlgorithm = 'RS256'): Promise<string> {
    const key = this.key(alg);
    return new SignJWT({ iss: this.issuer, ...claims })
      .setProtectedHeader({ alg, kid: key.kid, typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key.privateKey);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private key(alg: ProviderAlgorithm): SigningKey {
    return this.keys.find((key) => key.alg === alg)!;
  }
}

async function newKey(alg: ProviderAlgorithm): Promise<SigningKey> {
  return { kid: randomUUID(), alg, ...(await generateKeyPair(alg, { extractable: true })) };
}

async function publicJwk(key: SigningKey): Promise<JWK> {
  return { ...(await exportJWK(key.publicKey)), kid: key.kid, alg: key.alg, use: 'sig' };
}
