import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'http://localhost',
  integrations: [
    starlight({
      title: { en: 'proclife', ko: 'proclife' },
      description: "Python multiprocessing's process lifecycle for Node.js",
      defaultLocale: 'root',
      locales: {
        root: { label: 'English', lang: 'en' },
        ko: { label: '한국어', lang: 'ko' },
      },
    }),
  ],
});
