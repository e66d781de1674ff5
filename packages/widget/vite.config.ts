import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { firstLoadChunk } from './scripts/first-load-chunk.mjs';
import { litNoGlobals } from './scripts/lit-no-globals.mjs';
import { minifyCssLiterals } from './scripts/minify-css-literals.mjs';
import { minifyHtmlLiterals } from './scripts/minify-html-literals.mjs';

const firstLoad = firstLoadChunk('src/lead-form.ts');

// Library build: one stable entry (`lead-form.js`, short cache) and content-hashed chunks
// (`*-[hash].js`, cached for a year by the API), so a deploy reaches pages within minutes.
export default defineConfig({
  // Chunk and worker URLs resolve against the script's own URL (it is served from the API's
  // /widget/ path, or from wherever a company hosts the npm package).
  base: './',
  plugins: [litNoGlobals(), minifyCssLiterals(), minifyHtmlLiterals(), firstLoad.plugin],
  resolve: {
    // The SDK's resource groups one by one (see src/api/create-api.ts), from its build output.
    alias: [
      {
        find: /^@leadbridge\/sdk\/internal\/(.*)$/,
        replacement: `${fileURLToPath(new URL('../sdk/dist/', import.meta.url))}$1`,
      },
    ],
  },
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
      // core builds its zod/mini schemas at module level; some (money's currencySchema) mark
      // only the outer call pure, so an unused schema would still pull all of zod (≈6 kB gz)
      // into the bundle. The widget validates with core's functions and never with a schema.
      treeshake: { manualPureFunctions: ['z'] },
      output: {
        chunkFileNames: '[name]-[hash].js',
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
