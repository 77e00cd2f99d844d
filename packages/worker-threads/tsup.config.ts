import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.ts';

export default defineConfig({
  ...packageBuild,
  entry: ['src/index.ts', 'src/entry/*.ts'],
  dts: { entry: 'src/index.ts' },
});
