import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread on a TypeScript module. Padu runs its sources through tsx (docs/decisions/
 * 0002), whose loader a worker does not inherit, so the worker starts from a one-line module that
 * registers it first.
 */
export function startWorker(
  module: URL,
  workerData: unknown,
  resourceLimits?: { maxOldGenerationSizeMb?: number; maxYoungGenerationSizeMb?: number },
): Worker {
  const loader = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import { register } from ${JSON.stringify(loader)}; register(); await import(${JSON.stringify(module.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), {
    workerData,
    ...(resourceLimits ? { resourceLimits } : {}),
  });
}

/**
 * A fixed set of worker threads that each answer a message { id, input } with { id, output } or
 * { id, error }. Tasks go to the worker with the fewest in hand; each call returns its own result.
 */
export class WorkerPool<In, Out> {
  private readonly workers: { worker: Worker; busy: number }[];
  private readonly waiting = new Map<
    number,
    { resolve: (output: Out) => void; reject: (error: Error) => void }
  >();
  private nextId = 0;

  constructor(
    module: URL,
    workerData: unknown,
    size: number,
    private readonly toError: (error: unknown) => Error,
    resourceLimits?: { maxOldGenerationSizeMb?: number; maxYoungGenerationSizeMb?: number },
  ) {
    this.workers = Array.from({ length: size }, () => {
      const entry = { worker: startWorker(module, workerData, resourceLimits), busy: 0 };
      entry.worker.on('message', (message: { id: number; output?: Out; error?: unknown }) => {
        entry.busy--;
        const task = this.waiting.get(message.id);
        this.waiting.delete(message.id);
        if (message.error !== undefined) task?.reject(this.toError(message.error));
        else task?.resolve(message.output as Out);
      });
      entry.worker.on('error', (error) => this.failAll(error));
      return entry;
    });
  }

  run(input: In, transfer: ArrayBuffer[] = []): Promise<Out> {
    const entry = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    entry.busy++;
    const result = new Promise<Out>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    entry.worker.postMessage({ id, input }, transfer);
    return result;
  }

  private failAll(error: Error): void {
    for (const task of this.waiting.values()) task.reject(error);
    this.waiting.clear();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
}
