/** A one-time message carried to the next page (e.g. "application sent"). */
let pending: { hash: string; message: string } | null = null;

export function setFlash(hash: string, message: string): void {
  pending = { hash, message };
}

/** The message left for the page at `hash`, if any (read it in a state initializer). */
export function peekFlash(hash: string): string | null {
  return pending !== null && pending.hash === hash ? pending.message : null;
}

/** Forgets the message once its page has shown it (call from an effect). */
export function clearFlash(hash: string): void {
  if (pending !== null && pending.hash === hash) pending = null;
}
