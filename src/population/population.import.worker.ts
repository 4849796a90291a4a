import { parentPort, workerData } from 'node:worker_threads';
import { CsvSyntaxError } from '../platform/csv.ts';
import { processPiece, transferables, type RecordKindName } from './population.import.piece.ts';

/**
 * A worker thread of a CSV import (see importCsv): parses pieces of the file and checks and stages
 * their records, in parallel with other workers, while the importer streams results into COPY.
 */

export interface ImportWorkerSetup {
  kind: RecordKindName;
  header: string[];
  provinceCodes: string[];
  villageCodes: string[];
  today: string;
}

export interface ImportWorkerTask {
  bytes: Uint8Array;
  firstLine: number;
}

/** An error crosses threads as plain data; a CSV syntax error keeps its line. */
export interface ImportWorkerError {
  line?: number;
  message: string;
}

const setup = workerData as ImportWorkerSetup;
const context = {
  provinceCodes: new Set(setup.provinceCodes),
  villageCodes: new Set(setup.villageCodes),
  today: setup.today,
};
const decoder = new TextDecoder();

parentPort?.on('message', ({ id, input }: { id: number; input: ImportWorkerTask }) => {
  try {
    const text = decoder.decode(input.bytes);
    const output = processPiece(setup.kind, setup.header, context, text, input.firstLine);
    parentPort?.postMessage({ id, output }, transferables(output));
  } catch (error) {
    const reported: ImportWorkerError =
      error instanceof CsvSyntaxError
        ? { line: error.line, message: error.detail }
        : { message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    parentPort?.postMessage({ id, error: reported });
  }
});
