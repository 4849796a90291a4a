import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';

/** Records who did what to which subject; call it in the same transaction as the change. */
export async function recordAudit(
  db: Kysely<Database>,
  entry: { actor: string; action: string; subject?: string; details?: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor: entry.actor,
      action: entry.action,
      subject: entry.subject ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}
