import { readFileSync } from 'node:fs';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import starlightLinksValidator from 'starlight-links-validator';

// Sidebar entries: a page slug gets its label from each locale's page title.
const chapter = (slug) => `chapter/${slug}`;
const tableLabels = readFileSync(new URL('./src/table-labels.js', import.meta.url), 'utf8');

export default defineConfig({
  site: 'http://localhost',
  integrations: [
    starlight({
      title: { en: 'proclife', ko: 'proclife' },
      description: "Python multiprocessing's process lifecycle for Node.js",
      defaultLocale: 'root',
      head: [{ tag: 'script', content: tableLabels }],
      locales: {
        root: { label: 'English', lang: 'en' },
        ko: { label: '한국어', lang: 'ko' },
      },
      // Long lines wrap rather than scroll: examples carry comments worth reading in full.
      expressiveCode: { defaultProps: { wrap: true } },
      customCss: [
        // Hangul for readers (and test browsers) without a Korean system font, shipped with the site
        // and fetched per unicode range: Noto Sans KR for prose, Nanum Gothic Coding for code.
        '@fontsource/noto-sans-kr/400.css',
        '@fontsource/noto-sans-kr/700.css',
        '@fontsource/nanum-gothic-coding/400.css',
        '@fontsource/nanum-gothic-coding/700.css',
        './src/styles/custom.css',
      ],
      sidebar: [
        {
          label: 'Start here',
          translations: { ko: '첫걸음' },
          items: ['getting-started', 'porting'],
        },
        {
          label: 'The chapter',
          translations: { ko: '본문' },
          items: [
            chapter('about'),
            chapter('gil'),
            chapter('start-methods'),
            {
              label: '3-3 Process life',
              translations: { ko: '3-3 프로세스의 삶' },
              items: [
                chapter('daemon-processes'),
                chapter('pids-and-names'),
                chapter('terminating'),
                chapter('current-process'),
                chapter('subclassing'),
              ],
            },
          ],
        },
        {
          label: 'Reference',
          translations: { ko: '레퍼런스' },
          items: [
            'reference/api',
            'reference/which-start-method',
            'reference/targets',
            'reference/lifecycle',
            'reference/observe',
            'trace',
            'reference/errors',
            'reference/performance',
          ],
        },
      ],
      plugins: [starlightLinksValidator({ errorOnInconsistentLocale: true, errorOnFallbackPages: true })],
    }),
  ],
});
