// The build settings every published package shares: ESM for Node 24, one chunk per shared module.
import type { Options } from 'tsup';

export const packageBuild = {
  format: ['esm'],
  target: 'node24',
  platform: 'node',
  sourcemap: true,
  clean: true,
  splitting: true,
} satisfies Options;
