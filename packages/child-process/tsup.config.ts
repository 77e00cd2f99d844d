import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'entry/spawn-child': 'src/entry/spawn-child.ts',
    'entry/forkserver-child': 'src/entry/forkserver-child.ts',
  },
  format: ['esm'],
  target: 'node24',
  platform: 'node',
  dts: { entry: 'src/index.ts' },
  sourcemap: true,
  clean: true,
  splitting: true,
});
