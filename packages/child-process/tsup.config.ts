import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/entry/*.ts'],
  format: ['esm'],
  target: 'node24',
  platform: 'node',
  dts: { entry: 'src/index.ts' },
  sourcemap: true,
  clean: true,
  splitting: true,
});
