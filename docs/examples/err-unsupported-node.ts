// ERR_UNSUPPORTED_NODE: proclife runs this same check when it is imported, on the running Node.js.
// That one passes here (this program could not run otherwise), so we ask it about Node.js 20.
import { assertSupportedNode, isSupportedNode, UnsupportedNodeError } from '@proclife/child-process';

if (import.meta.main) {
  console.log(`this Node.js is supported: ${isSupportedNode()}`);
  try {
    assertSupportedNode('20.19.0');
  } catch (error) {
    if (error instanceof UnsupportedNodeError) {
      // The message also names this program's Node.js binary by its full path; not shown here.
      console.log(
        `${error.code}: nodeVersion ${error.nodeVersion}, needs ${error.message.split('needs ')[1]}`,
      );
    }
  }
}
