import { defineConfig } from 'tsup';
import { bootBuild, bootExternal, mainClean, packageBuild } from '../../tsup.shared.ts';

export default defineConfig([
  {
    ...packageBuild,
    clean: mainClean,
    entry: {
      index: 'src/index.ts',
      'entry/spawn-child': 'src/entry/spawn-child.ts',
      'entry/forkserver-child': 'src/entry/forkserver-child.ts',
    },
    esbuildPlugins: [bootExternal],
    dts: { entry: 'src/index.ts' },
  },
  {
    ...bootBuild,
    entry: { 'spawn-boot': 'src/boot/spawn-boot.ts', 'forkserver-boot': 'src/boot/forkserver-boot.ts' },
  },
]);
