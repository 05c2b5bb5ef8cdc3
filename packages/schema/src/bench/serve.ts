import { createServer } from 'node:http';
import { openDatabase } from '@kindred/db';
import { defaultApiWorkers, startApiProcesses } from '../api-cluster.js';
import { createKindredHttpHandler } from '../http-handler.js';

/**
 * Serves the API as `kindred api` does (its node:http front, its default number of processes) on 127.0.0.1 at a random
 * port, and reports the port to the parent process.
 */
const dbPath = process.argv[2];
if (!dbPath) throw new Error('usage: serve.js <db path> [response cache entries] [processes]');
const responseCacheEntries = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
const workers = process.argv[4] === undefined ? defaultApiWorkers() : Number(process.argv[4]);

const started = await startApiProcesses(workers);
if (started.role === 'primary') {
  process.send?.({ port: started.address.port });
  process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
} else {
  const db = openDatabase(dbPath, { readonly: true, statementCache: 500 });
  const { handler } = createKindredHttpHandler({ db, responseCacheEntries });
  const server = createServer(handler);
  // Load tests keep connections busy for seconds at a time: keep idle keep-alive sockets open meanwhile.
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 65_000;
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    if (workers <= 1 && address && typeof address === 'object') process.send?.({ port: address.port });
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('disconnect', stop); // the bench (one process) or the primary went away
  process.on('SIGTERM', stop);
}
