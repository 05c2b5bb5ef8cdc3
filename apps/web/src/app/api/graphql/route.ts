import { graphqlServer } from '@/lib/graphql';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function handle(request: Request) {
  return (await graphqlServer()).fetch(request);
}

export { handle as GET, handle as POST };
