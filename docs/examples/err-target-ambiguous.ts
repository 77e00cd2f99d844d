// ERR_TARGET_AMBIGUOUS: two different functions registered under one name in one module.
import { type ProclifeError, registerTarget } from '@proclife/child-process';

registerTarget(import.meta.url, function job(): void {
  console.log('the first job');
});

if (import.meta.main) {
  try {
    registerTarget(import.meta.url, function job(): void {
      console.log('another job');
    });
  } catch (error) {
    const { code, message } = error as ProclifeError;
    // The message names the module by its URL; this page shows its file name only.
    console.log(`${code}: ${message.replaceAll(import.meta.url, import.meta.url.split('/').at(-1)!)}`);
  }
}
