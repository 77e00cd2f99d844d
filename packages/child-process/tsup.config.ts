import { defineConfig } from 'tsup';
import { bootBuild, mainClean, packageBuild } from '../../tsup.shared.ts';

export default defineConfig([
  {
    ...packageBuild,
    clean: mainClean('entry'),
    entry: { index: 'src/index.ts' },
    dts: { entry: 'src/index.ts' },
  },
  {
    // Each child entry is one file with its bootstrap and core inside (decisions 0017, 0019).
    ...bootBuild,
    outDir: 'dist/entry',
    entry: { 'spawn-child': 'src/entry/spawn-child.ts', 'forkserver-child': 'src/entry/forkserver-child.ts' },
  },
]);
