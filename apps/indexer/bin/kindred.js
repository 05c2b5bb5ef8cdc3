#!/usr/bin/env node
// The `kindred` command. It lives outside dist/ so that `npm ci` can link it before the first build.
import('../dist/cli.js').catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
    process.stderr.write('kindred: not built yet; run "npm run build" in the repository first\n');
    process.exit(1);
  }
  throw error;
});
