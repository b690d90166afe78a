/**
 * The extraction worker: bytes in, a document's text, articles and statements out. Runs on a
 * worker thread of {@link ExtractionPool}; one task at a time.
 */
import { parentPort } from 'node:worker_threads';
import { type ExtractTask, extractWithStatements, failure } from './extract-task.js';

const port = parentPort;
if (!port) throw new Error('extract.worker.js runs as a worker thread');

port.on('message', (task: ExtractTask) => {
  extractWithStatements(task).then(
    (result) => port.postMessage(result),
    (error: unknown) => port.postMessage(failure(task.id, error)),
  );
});
