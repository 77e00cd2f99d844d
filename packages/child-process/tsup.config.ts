import { defineConfig } from 'tsup';
import { bootBuild, mainClean, packageBuild } from '../../tsup.shared.ts';
import { eagerFunctions } from './build/eager-functions.ts';

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
    // A stock process compiles the hand-off's functions while it is idle (decision 0019); a spawn
    // child would pay for compiling every function at its start instead.
    plugins: [
      {
        name: 'proclife-eager-functions',
        renderChunk: (code, chunk) =>
          chunk.path.endsWith('forkserver-child.js') ? { code: eagerFunctions(code) } : undefined,
      },
    ],
  },
]);
