import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.ts';

// The child side on its own, one file with no chunk shared with the engine: only a child's bundle
// takes it in (decision 0021), and a chunk shared with the adapter would be one more file for
// every program that imports a start-method package. Built after tsup.config.ts, which cleans
// dist/ (its declaration step would remove this build's `.d.ts` if the two ran together).
export default defineConfig({
  ...packageBuild,
  clean: false,
  outDir: 'dist/child',
  splitting: false,
  entry: { index: 'src/child.ts' },
  dts: { entry: { index: 'src/child.ts' } },
});
