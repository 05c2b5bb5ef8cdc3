import { CliError, openForCommand } from './cli-error.js';

type Auth = typeof import('@kindred/auth');

/** Runs account work on the database, turning AuthError into a clear CliError. */
export async function withAccounts<T>(
  dbPath: string,
  work: (auth: Auth, db: ReturnType<typeof openForCommand>) => Promise<T> | T,
): Promise<T> {
  const auth = await import('@kindred/auth');
  const db = openForCommand(dbPath);
  try {
    return await work(auth, db);
  } catch (error) {
    if (error instanceof auth.AuthError) throw new CliError(error.message);
    throw error;
  } finally {
    db.$client.close();
  }
}
