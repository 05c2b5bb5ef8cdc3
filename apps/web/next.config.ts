import type { NextConfig } from 'next';

const config: NextConfig = {
  // Loaded by Node at run time, never bundled: native modules, and the face models' tfjs stack
  // (@kindred/schema describes hand-drawn faces through @kindred/vision; tfjs-node is optional).
  serverExternalPackages: [
    'better-sqlite3',
    'sharp',
    '@kindred/db',
    '@kindred/auth',
    'better-auth',
    '@kindred/schema',
    '@kindred/vision',
    '@vladmandic/face-api',
    '@tensorflow/tfjs',
    '@tensorflow/tfjs-backend-wasm',
    '@tensorflow/tfjs-node',
    '@tensorflow/tfjs-node-gpu',
  ],
  poweredByHeader: false,
  // Every answer, pages, API and images alike. The Content-Security-Policy (with a per-request nonce) is set by
  // src/proxy.ts.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          {
            key: 'Permissions-Policy',
            value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
          },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

export default config;
