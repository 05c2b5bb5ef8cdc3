/** Browser side of the API: every edit (and each extra page of photos) goes through this function. */
const CSRF_HEADERS = { 'x-graphql-yoga-csrf': '1', 'graphql-require-preflight': '1' };

export class MutationError extends Error {
  override name = 'MutationError';
}

/** POSTs a document to /api/graphql and returns `data`; throws with the server's message on errors. */
export async function request<T>(document: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch('/api/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...CSRF_HEADERS },
    body: JSON.stringify({ query: document, variables }),
  });
  const result = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (result.errors?.length) throw new MutationError(result.errors.map((e) => e.message).join('; '));
  if (!result.data) throw new MutationError(`the server answered ${response.status}`);
  return result.data;
}
