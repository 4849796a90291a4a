import { createHash } from 'node:crypto';

/**
 * One exchange log entry and its canonical encoding, the exact bytes a leaf hashes:
 * UTF-8 JSON of the fields below with keys in lexicographic order and no whitespace (for values
 * that are only strings, integers and nulls this is RFC 8785's JSON Canonicalization Scheme), so
 * that anyone can re-encode an entry and recompute its leaf hash with a few lines of code.
 * Leaf hash (RFC 6962): SHA-256(0x00 || entry bytes).
 */
export interface LogEntry {
  /** X-Padu-Request-Id */
  requestId: string;
  /** When the gateway received the call and when it finished answering (ISO 8601, ms, UTC). */
  timeIn: string;
  timeOut: string;
  consumerAgency: string;
  consumerSystem: string;
  consumerSystemId: number;
  providerAgency: string;
  providerSystem: string;
  service: string;
  serviceId: number;
  method: string;
  /** The path below the service prefix, with the query string. */
  path: string;
  /**
   * The upstream's status when its answer was delivered. A call that reached the upstream and did
   * not end so is logged too: 413 (the request body passed the limit on its way), 499 (the client
   * went away before the answer ended, as nginx writes it), 502 (the upstream broke off or
   * answered what is not HTTP/1.1) or 504 (it did not answer in time).
   */
  status: number;
  latencyMs: number;
  requestBytes: number;
  responseBytes: number;
  /** Hex SHA-256 of the request and response bodies as they passed through the gateway. */
  requestSha256: string;
  responseSha256: string;
  /** X-Padu-Purpose and X-Padu-Subject (a NIK) as the consumer sent them, or null. */
  purpose: string | null;
  subject: string | null;
}

export function encodeEntry(e: LogEntry): Buffer {
  // Every field, checked complete by the compiler, written in lexicographic key order: an object
  // literal keeps its keys' order in JSON.stringify (string keys that are not integers), and this
  // is several times faster than JSON.stringify with a list of keys (log-entry.test.ts checks the
  // order against the rule).
  const sorted: { [K in keyof LogEntry]-?: LogEntry[K] } = {
    consumerAgency: e.consumerAgency,
    consumerSystem: e.consumerSystem,
    consumerSystemId: e.consumerSystemId,
    latencyMs: e.latencyMs,
    method: e.method,
    path: e.path,
    providerAgency: e.providerAgency,
    providerSystem: e.providerSystem,
    purpose: e.purpose,
    requestBytes: e.requestBytes,
    requestId: e.requestId,
    requestSha256: e.requestSha256,
    responseBytes: e.responseBytes,
    responseSha256: e.responseSha256,
    service: e.service,
    serviceId: e.serviceId,
    status: e.status,
    subject: e.subject,
    timeIn: e.timeIn,
    timeOut: e.timeOut,
  };
  return Buffer.from(JSON.stringify(sorted), 'utf8');
}

export function leafHash(entryBytes: Buffer): Buffer {
  return createHash('sha256')
    .update(Buffer.from([0]))
    .update(entryBytes)
    .digest();
}
