import { defineConfig } from 'tsup';
import { bootBuild, bootExternal, eagerPath, mainClean, packageBuild } from '../../tsup.shared.ts';

export default defineConfig([
  {
    ...packageBuild,
    clean: mainClean('boot'),
    entry: { index: 'src/index.ts', 'entry/thread-child': 'src/entry/thread-child.ts' },
    esbuildPlugins: [bootExternal],
    dts: { entry: 'src/index.ts' },
  },
  {
    ...bootBuild,
    entry: { 'thread-boot': 'src/boot/thread-boot.ts' },
    // A thread compiles its start-up path with its bootstrap (decision 0019's amendment).
    ...eagerPath('superviseOwnChildren', 'threadTransport', 'runThreadChild'),
  },
]);
