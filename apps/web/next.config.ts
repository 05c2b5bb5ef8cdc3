import type { NextConfig } from 'next';

const config: NextConfig = {
  serverExternalPackages: ['better-sqlite3', 'sharp', '@kindred/db', '@kindred/schema', '@kindred/vision'],
  poweredByHeader: false,
};

export default config;
