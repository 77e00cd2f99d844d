// The site's pages, read from the content folder, and where each example is shown.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const contentDir = fileURLToPath(new URL('../src/content/docs/', import.meta.url));

export interface Page {
  locale: 'en' | 'ko';
  /** URL path, e.g. '/ko/chapter/gil/'. */
  path: string;
  /** The same page in the other locale's terms, e.g. 'chapter/gil'. */
  slug: string;
  examples: string[];
}

export function listPages(): Page[] {
  const files = readdirSync(contentDir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    /\.mdx?$/.test(f),
  );
  return files
    .map((file) => {
      const rel = file.replace(/\\/g, '/').replace(/\.mdx?$/, '');
      const locale = rel.startsWith('ko/') ? 'ko' : 'en';
      const slug = (locale === 'ko' ? rel.slice(3) : rel).replace(/(^|\/)index$/, '');
      const source = readFileSync(`${contentDir}${file}`, 'utf8');
      const examples = [...source.matchAll(/<Example id="([^"]+)"/g)].map((m) => m[1]!);
      const path = `/${locale === 'ko' ? 'ko/' : ''}${slug ? `${slug}/` : ''}`;
      return { locale, path, slug, examples } as Page;
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}
