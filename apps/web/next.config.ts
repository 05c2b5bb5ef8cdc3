import type { NextConfig } from 'next';

const config: NextConfig = {
  // Loaded by Node at run time, never bundled: native modules, and the face models' tfjs stack
  // (@kindred/schema describes hand-drawn faces through @kindred/vision; tfjs-node is optional).
  serverExternalPackages: [
    'better-sqlite3',
    'sharp',
    '@kindred/db',
    '@kindred/schema',
    '@kindred/vision',
    '@vladmandic/face-api',
    '@tensorflow/tfjs',
    '@tensorflow/tfjs-backend-wasm',
    '@tensorflow/tfjs-node',
    '@tensorflow/tfjs-node-gpu',
  ],
  poweredByHeader: false,
};

export default config;
