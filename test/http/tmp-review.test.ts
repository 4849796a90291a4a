import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import fs from 'node:fs';
import { isoCBOR } from '@simplewebauthn/server/helpers';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { totpCode } from '../../src/identity/totp.ts';
import { addToRegister, CitizenClient, testPerson } from '../helpers/citizens.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const LOG = '/tmp/tmp-review-probe.log';
function log(label: string, value: unknown): void {
  fs.appendFileSync(LOG, `${label} => ${JSON.stringify(value).slice(0, 600)}\n`);
}

let server: TestServer;
const a = testPerson(41, { name: 'Andi Saputra', birthDate: '1985-03-03', sex: 'L' });
const b = testPerson(42, { name: 'Budi Santoso', birthDate: '1987-05-05', sex: 'L' });
const c = testPerson(43, { name: 'Citra Lestari', birthDate: '1991-09-09', sex: 'P' });
const d = testPerson(44, { name: 'Dewi Anggraini', birthDate: '1993-02-02', sex: 'P' });
const e = testPerson(45, { name: 'Eko Prasetyo', birthDate: '1980-10-10', sex: 'L' });
const unregistered = testPerson(46, { name: 'Fajar Nugroho', birthDate: '1979-01-01', sex: 'L' });
let A: CitizenClient;
let B: CitizenClient;
let secretA = '';
let secretB = '';

async function raw(method: string, path: string, body: string | undefined, headers: Record<string, string> = {}, client?: CitizenClient) {
  const init: RequestInit = { method, headers: { 'content-type': 'application/json', ...headers }, ...(body === undefined ? {} : { body }) };
  const res = client ? await client.fetch(path, init) : await fetch(`${server.url}${path}`, init);
  const text = await res.text();
  return { status: res.status, body: text.slice(0, 300) };
}

beforeAll(async () => {
  fs.writeFileSync(LOG, '');
  server = await startTestServer({ identity: { attemptsPerMinute: 100000 }, publicHost: 'localhost' });
  await addToRegister(server.database.services, [a, b, c, d, e, unregistered]);
  A = new CitizenClient(server.url);
  secretA = await A.register(a);
  B = new CitizenClient(server.url);
  secretB = await B.register(b);
});
afterAll(() => server?.close());

