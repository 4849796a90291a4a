import type { ExchangeLog } from './exchange.log.ts';
import { encodeEntry, leafHash } from './log-entry.ts';
import type { ExchangeLogQuery } from './log-query.ts';
import { openCheckpoint } from './note.ts';

/** One exchange whose subject was a person, with the proof that the log holds it. */
export interface SubjectAccess {
  readonly requestId: string;
  readonly at: string;
  readonly consumerAgency: string;
  readonly consumerSystem: string;
  readonly providerAgency: string;
  readonly providerSystem: string;
  readonly service: string;
  readonly purpose: string | null;
  readonly status: number;
  /**
   * RFC 6962 inclusion of the entry in the tree of the latest signed checkpoint; null for an entry
   * newer than that checkpoint (it is in the next one, a second later).
   */
  readonly proof: {
    readonly leafIndex: number;
    readonly treeSize: number;
    readonly leafHash: string;
    readonly auditPath: readonly string[];
    readonly rootHash: string;
    readonly checkpoint: string;
  } | null;
}

/**
 * Every exchange whose stated subject was the NIK, newest first, each with its inclusion proof:
 * what a citizen's "who accessed my data" page shows, read straight from the exchange log.
 */
export async function accessesAbout(
  tree: ExchangeLog,
  query: ExchangeLogQuery,
  nik: string,
  limit: number,
): Promise<SubjectAccess[]> {
  const page = await query.page({ subject: nik, limit }, null);
  if (page.entries.length === 0) return [];
  const checkpoint = await tree.latestCheckpoint();
  const opened = openCheckpoint(checkpoint, await tree.verifierKey());
  if (!opened.ok) throw new Error(`the log's own checkpoint does not verify: ${opened.reason}`);
  return Promise.all(
    page.entries.map(async ({ leafIndex, requestId, entry }) => ({
      requestId,
      at: entry.timeIn,
      consumerAgency: entry.consumerAgency,
      consumerSystem: entry.consumerSystem,
      providerAgency: entry.providerAgency,
      providerSystem: entry.providerSystem,
      service: entry.service,
      purpose: entry.purpose,
      status: entry.status,
      proof:
        leafIndex < opened.size
          ? {
              leafIndex,
              treeSize: opened.size,
              // The log stores the entry in its canonical encoding, which re-encoding reproduces.
              leafHash: leafHash(encodeEntry(entry)).toString('base64'),
              auditPath: (await tree.inclusion(leafIndex, opened.size)).map((h) =>
                h.toString('base64'),
              ),
              rootHash: opened.root.toString('base64'),
              checkpoint,
            }
          : null,
    })),
  );
}
