import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/adapter.ts'],
  format: ['esm'],
  target: 'node24',
  platform: 'node',
  dts: { entry: ['src/index.ts', 'src/adapter.ts'] },
  sourcemap: true,
  clean: true,
  splitting: true,
});
