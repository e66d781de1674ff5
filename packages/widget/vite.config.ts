import { defineConfig } from 'vite';
import { firstLoadChunk } from './scripts/first-load-chunk.mjs';
import { litNoGlobals } from './scripts/lit-no-globals.mjs';
import { minifyCssLiterals } from './scripts/minify-css-literals.mjs';
import { minifyHtmlLiterals } from './scripts/minify-html-literals.mjs';

const firstLoad = firstLoadChunk('src/lead-form.ts');

/** A language's strings: src/i18n/<tag>.ts (first load) or src/i18n/views/<tag>.ts. */
const LOCALE_MODULE = /[\\/]i18n[\\/](views[\\/])?([a-zA-Z]{2}(?:-[a-zA-Z]{2})?)\.ts$/;

// Library build: one stable entry (`lead-form.js`, short cache) and content-hashed chunks
// (`*-[hash].js`, cached for a year by the API), so a deploy reaches pages within minutes.
export default defineConfig({
  // Chunk and worker URLs resolve against the script's own URL (it is served from the API's
  // /widget/ path, or from wherever a company hosts the npm package).
  base: './',
  plugins: [litNoGlobals(), minifyCssLiterals(), minifyHtmlLiterals(), firstLoad.plugin],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: '',
    sourcemap: true,
    minify: true,
    lib: {
      entry: { 'lead-form': 'src/lead-form.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      output: {
        // Language chunks are named for the size report: locale-<tag>, locale-views-<tag>.
        chunkFileNames: (chunk) => {
          const locale = LOCALE_MODULE.exec(chunk.facadeModuleId ?? '');
          return locale
            ? `locale-${locale[1] ? 'views-' : ''}${locale[2]}-[hash].js`
            : '[name]-[hash].js';
        },
        codeSplitting: { groups: [{ name: 'lead-form-core', test: firstLoad.test }] },
        // Vite keeps whitespace and annotations in ES library builds, for bundlers downstream.
        // These files are what browsers download from the API, so minify them fully.
        minify: true,
        comments: false,
      },
    },
  },
  worker: {
    format: 'es',
    rolldownOptions: {
      output: {
        entryFileNames: '[name]-[hash].js',
        chunkFileNames: '[name]-[hash].js',
      },
    },
  },
});
