/**
 * The extraction worker: bytes in, a document's text, articles and statements out. Runs on a
 * worker thread of {@link ExtractionPool}; it may be given its next task before it finishes one,
 * and takes them one at a time, in order, so that a worker that dies was on the oldest of them.
 */
import { parentPort } from 'node:worker_threads';
import { type ExtractTask, extractWithStatements, failure } from './extract-task.js';

const port = parentPort;
if (!port) throw new Error('extract.worker.js runs as a worker thread');

let previous: Promise<void> = Promise.resolve();
port.on('message', (task: ExtractTask) => {
  previous = previous.then(() =>
    extractWithStatements(task).then(
      (result) => port.postMessage(result),
      (error: unknown) => port.postMessage(failure(task.id, error)),
    ),
  );
});
