import { defineConfig } from 'tsup';
import { bootBuild, commonJsEntry, eagerPath, mainClean, packageBuild } from '../../tsup.shared.ts';

export default defineConfig([
  {
    ...packageBuild,
    clean: mainClean('entry'),
    entry: { index: 'src/index.ts' },
    dts: { entry: 'src/index.ts' },
  },
  {
    ...bootBuild,
    // The entry with its bootstrap and the child side of core, in one file (decision 0019's second
    // amendment), compiled with its start-up path (its first amendment).
    outDir: 'dist/entry',
    entry: { 'thread-child': 'src/entry/thread-child.ts' },
    // CommonJS, as the child-process entries: no ES module loader until the target's import (decision 0025).
    ...commonJsEntry,
    ...eagerPath('forgetCompileCacheEnv', 'superviseOwnChildren', 'threadTransport', 'runThreadChild'),
  },
]);
