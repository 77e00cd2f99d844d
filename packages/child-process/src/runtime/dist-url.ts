// Set by the build: where dist/ is from the file this code is built into ('./' from a chunk,
// '../' from an entry in dist/entry/ or dist/forkserver/).
declare const __PROCLIFE_DIST__: string | undefined;

/** A file of this package's `dist/`, from whichever built file this code sits in. */
export const distUrl = (path: string): URL =>
  new URL(`${typeof __PROCLIFE_DIST__ === 'string' ? __PROCLIFE_DIST__ : './'}${path}`, import.meta.url);

/**
 * {@link distUrl} made on first use: a URL built at a module's top level costs every import of
 * this package a fraction of a millisecond, paid by a child whose target's module imports it.
 */
export function lazyDistUrl(path: string): () => URL {
  let url: URL | undefined;
  return () => {
    url ??= distUrl(path);
    return url;
  };
}

/**
 * The package's entry as a file URL: it registers the start methods and their classes. A child's
 * own Process loads it when no code of the child has (decision 0021).
 */
export const packageEntry = (): string => distUrl('index.js').href;
