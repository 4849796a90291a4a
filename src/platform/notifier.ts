import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';

export interface OutgoingMessage {
  readonly channel: 'email' | 'sms';
  readonly recipient: string;
  readonly subject: string;
  readonly body: string;
}

export interface OutboxMessage extends OutgoingMessage {
  readonly id: number;
  readonly createdAt: string;
  readonly deliveredAt: string | null;
}

/**
 * How Padu tells a person something outside the app (a password-reset link, an application's new
 * status). `send` takes the transaction of the change it reports, so a message exists exactly when
 * the change was committed.
 */
export interface Notifier {
  send(db: Kysely<Database>, message: OutgoingMessage): Promise<void>;
}

/**
 * The local default: messages go to the `notification_outbox` table, which an operator reads
 * (GET /api/v1/outbox, `padu outbox`). A mail or SMS gateway is another Notifier, or a worker that
 * delivers from the outbox and marks what it sent.
 */
export const outboxNotifier: Notifier = {
  async send(db, message) {
    await db.insertInto('notification_outbox').values(message).execute();
  },
};

/** The newest messages first, optionally only those to one recipient. */
export async function readOutbox(
  db: Kysely<Database>,
  options: { limit: number; recipient?: string },
): Promise<OutboxMessage[]> {
  let query = db
    .selectFrom('notification_outbox')
    .select(['id', 'channel', 'recipient', 'subject', 'body', 'created_at', 'delivered_at'])
    .orderBy('id', 'desc')
    .limit(options.limit);
  if (options.recipient !== undefined) query = query.where('recipient', '=', options.recipient);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    channel: row.channel,
    recipient: row.recipient,
    subject: row.subject,
    body: row.body,
    createdAt: row.created_at.toISOString(),
    deliveredAt: row.delivered_at?.toISOString() ?? null,
  }));
}
