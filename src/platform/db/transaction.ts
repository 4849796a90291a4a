import type pg from 'pg';

/**
 * Runs `work` in one transaction on a pooled client: committed if it returns, rolled back if it
 * throws, the client released either way.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Records who did what to which subject, on the client of the transaction that made the change
 * (the pg counterpart of platform/audit.ts for modules that use pg directly).
 */
export async function auditInTransaction(
  client: pg.PoolClient,
  actor: string,
  action: string,
  subject: string | null,
  details: unknown,
): Promise<void> {
  await client.query(
    'insert into audit_log (actor, action, subject, details) values ($1, $2, $3, $4)',
    [actor, action, subject, JSON.stringify(details)],
  );
}
