import { graphqlServer } from '@/lib/graphql';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

function handle(request: Request) {
  return graphqlServer().fetch(request);
}

export { handle as GET, handle as POST };
