import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.ts';

export default defineConfig({
  ...packageBuild,
  entry: {
    index: 'src/index.ts',
    'entry/spawn-child': 'src/entry/spawn-child.ts',
    'entry/forkserver-child': 'src/entry/forkserver-child.ts',
  },
  dts: { entry: 'src/index.ts' },
});
