import { createServer } from 'node:http';
import { openDatabase } from '@kindred/db';
import { createKindredHttpHandler } from '../http-handler.js';

/** Serves the API over node:http on 127.0.0.1 (a random port), reporting the port to the parent process. */
const dbPath = process.argv[2];
if (!dbPath) throw new Error('usage: serve.js <db path> [response cache entries]');
const responseCacheEntries = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
const db = openDatabase(dbPath, { readonly: true, statementCache: 500 });
const { handler } = createKindredHttpHandler({ db, responseCacheEntries });
const server = createServer(handler);
// Load tests keep connections busy for seconds at a time: keep idle keep-alive sockets open meanwhile.
server.keepAliveTimeout = 60_000;
server.headersTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') process.send?.({ port: address.port });
});
process.on('disconnect', () => server.close(() => process.exit(0)));
