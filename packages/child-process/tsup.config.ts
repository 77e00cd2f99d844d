import { defineConfig } from 'tsup';
import {
  bootBuild,
  commonJsEntry,
  eagerEverything,
  eagerPath,
  mainClean,
  packageBuild,
} from '../../tsup.shared.ts';

// Each child entry is one file with its bootstrap and the child side of core inside (decisions
// 0017, 0019, 0021), in a folder of its own, since each build cleans its folder.
export default defineConfig([
  {
    ...packageBuild,
    clean: mainClean('entry', 'forkserver'),
    entry: { index: 'src/index.ts' },
    dts: { entry: 'src/index.ts' },
  },
  {
    ...bootBuild,
    outDir: 'dist/entry',
    entry: { 'spawn-child': 'src/entry/spawn-child.ts' },
    // CommonJS: Node loads a CommonJS entry without starting its ES module loader, which a spawn
    // child then starts only for the target's module (decision 0025).
    ...commonJsEntry,
    // A spawn child compiles only its start-up path with the entry (decision 0019's amendment).
    ...eagerPath(
      'forgetCompileCacheEnv',
      'ipcTransport',
      'takePayloadFromEnv',
      'runSpawnChild',
      'blockingStdio',
      'setTitle',
      'onStopRequest',
      'unrefChannel',
    ),
  },
  {
    ...bootBuild,
    outDir: 'dist/forkserver',
    entry: { child: 'src/entry/forkserver-child.ts' },
    // CommonJS for the same reason: a stock process boots in the background of every start.
    ...commonJsEntry,
    // A stock process compiles the hand-off's functions while it is idle (decision 0019); a spawn
    // child would pay for compiling every function at its start instead. The step reads
    // esbuild's line layout, so this bundle keeps its whitespace: it loads off the start path.
    ...eagerEverything(),
  },
]);
