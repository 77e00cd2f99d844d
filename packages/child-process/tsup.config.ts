import { defineConfig } from 'tsup';
import { bootBuild, mainClean, packageBuild } from '../../tsup.shared.ts';
import { eagerFunctions } from './build/eager-functions.ts';

// What a spawn child calls between loading its entry and calling the target, in the order it
// calls them: compiled with the bundle (and kept by the compile cache) instead of on first call.
// Only these: compiling all the bundle's functions cost a spawn child more than it saved
// (decision 0019), these save it about half a millisecond. The build fails if one is renamed.
const SPAWN_PATH = new Set([
  'slots',
  'sharedSlot',
  'createLocal',
  'isSupportedNode',
  'assertSupportedNode',
  'warnIfMainFlagUnreliable',
  'mainFlagUnreliableOn',
  'forgetCompileCacheEnv',
  'ipcTransport',
  'runSpawnChild',
  'blockingStdio',
  'runChild',
  'setTitle',
  'parentView',
  'freshRun',
  'currentState',
  'setPendingProcess',
  'onStopRequest',
  'unrefChannel',
  'importExport',
  'textOf',
  'fnv1a',
  'fingerprint',
  'fingerprintMismatch',
]);

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
    // The build step reads esbuild's line layout; the whitespace it keeps costs no measurable time.
    minifyWhitespace: false,
    plugins: [
      {
        name: 'proclife-eager-spawn-path',
        renderChunk: (code) => ({ code: eagerFunctions(code, SPAWN_PATH) }),
      },
    ],
  },
  {
    ...bootBuild,
    outDir: 'dist/forkserver',
    entry: { child: 'src/entry/forkserver-child.ts' },
    // A stock process compiles the hand-off's functions while it is idle (decision 0019); a spawn
    // child would pay for compiling every function at its start instead. The step reads
    // esbuild's line layout, so this bundle keeps its whitespace: it loads off the start path.
    minifyWhitespace: false,
    plugins: [{ name: 'proclife-eager-functions', renderChunk: (code) => ({ code: eagerFunctions(code) }) }],
  },
]);
