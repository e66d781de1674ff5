// Puts every module the entry needs statically into one chunk. Left alone, the bundler cuts the
// first load into several shared chunks (each module used by the entry and by some lazy view
// lands in a chunk of its own) and each extra file compresses on its own: about 1 kB gz more,
// and more requests, for the same code. Lazy views then import from this chunk.
//
// "Needs" follows named imports through @leadbridge/core's barrel (index.js re-exports every
// module): only the core modules whose exports the first load imports count, so core's CSV and
// money code stays with the views that use them.
import { dirname, resolve } from 'node:path';

const CORE_BARREL = /[\\/]packages[\\/]core[\\/]dist[\\/]esm[\\/]index\.js$/;
const CORE_IMPORT = /import\s*\{([^}]*)\}\s*from\s*['"]@leadbridge\/core['"]/g;
const BARREL_EXPORT = /export\s*\{([^}]*)\}\s*from\s*['"](\.[^'"]+)['"]/g;

function names(list) {
  return list
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part && !part.startsWith('type '))
    .map((part) => part.split(/\s+as\s+/)[0].trim());
}

export function firstLoadChunk(entryFile) {
  const entry = resolve(entryFile);
  const imports = new Map();
  /** Module → names it imports from @leadbridge/core (values, not types). */
  const coreNames = new Map();
  /** Core export name → the core module that defines it. */
  const coreModules = new Map();
  let barrel = null;
  let closure = null;

  const staticClosure = () => {
    if (closure) return closure;
    closure = new Set();
    const queue = [entry];
    while (queue.length > 0) {
      const id = queue.pop();
      if (closure.has(id)) continue;
      closure.add(id);
      for (const next of imports.get(id) ?? []) {
        if (next !== barrel) {
          queue.push(next);
          continue;
        }
        closure.add(barrel);
        for (const name of coreNames.get(id) ?? []) {
          const module = coreModules.get(name);
          if (module) queue.push(module);
        }
      }
    }
    return closure;
  };

  return {
    plugin: {
      name: 'lead-form:first-load-chunk',
      buildStart() {
        imports.clear();
        coreNames.clear();
        coreModules.clear();
        barrel = null;
        closure = null;
      },
      transform: {
        order: 'pre',
        handler(code, id) {
          const path = id.split('?')[0];
          if (CORE_BARREL.test(path)) {
            barrel = path;
            for (const match of code.matchAll(BARREL_EXPORT)) {
              const target = resolve(dirname(path), match[2]);
              for (const name of names(match[1])) coreModules.set(name, target);
            }
          } else if (code.includes('@leadbridge/core')) {
            const found = [];
            for (const match of code.matchAll(CORE_IMPORT)) {
              if (!/^import\s+type\b/.test(match[0])) found.push(...names(match[1]));
            }
            coreNames.set(path, found);
          }
          return null;
        },
      },
      moduleParsed(info) {
        imports.set(info.id, info.importedIds);
      },
    },
    /** For `codeSplitting.groups[].test`: a module of the first load, other than the entry. */
    test: (id) => id !== entry && staticClosure().has(id),
  };
}
