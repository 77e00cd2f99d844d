import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.ts';

// The child side (`@proclife/core/child`) is built after this one, by tsup.child.config.ts.
export default defineConfig({
  ...packageBuild,
  entry: ['src/index.ts', 'src/adapter.ts'],
  dts: { entry: ['src/index.ts', 'src/adapter.ts'] },
});
