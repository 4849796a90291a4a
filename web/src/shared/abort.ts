/** Whether a fetch failed because its AbortSignal fired (a page moved on), not because of the network. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
