// Puts every module the entry needs statically into one chunk. Left alone, the bundler cuts the
// first load into several shared chunks (each module used by the entry and by some lazy view
// lands in a chunk of its own) and each extra file compresses on its own: about 1 kB gz more,
// and more requests, for the same code. Lazy views then import from this chunk.
//
// "Needs" follows named imports through the barrels of @leadbridge/core (index.js re-exports
// every module) and @leadbridge/sdk/partner (every partner resource group): only the modules
// whose exports the first load imports count, so core's CSV and money code and the SDK's groups
// for lazy views (imports, customers, …) stay with the views that use them.
import { dirname, resolve } from 'node:path';

const BARRELS = [
  {
    specifier: '@leadbridge/core',
    file: /[\\/]packages[\\/]core[\\/]dist[\\/]esm[\\/]index\.js$/,
  },
  {
    specifier: '@leadbridge/sdk/partner',
    file: /[\\/]packages[\\/]sdk[\\/]dist[\\/]partner\.js$/,
  },
];
const BARREL_EXPORT = /export\s*\{([^}]*)\}\s*from\s*['"](\.[^'"]+)['"]/g;

/** `import { a, b as c } from '<specifier>'` of values (not types), for each barrel. */
function importPattern(specifier) {
  const quoted = specifier.replace(/[/.]/g, '\\$&');
  return new RegExp(`import\\s*\\{([^}]*)\\}\\s*from\\s*['"]${quoted}['"]`, 'g');
}

/** Names in an import or export list, without types; `side` picks the name before or after `as`. */
function names(list, side = 'before') {
  return list
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part && !part.startsWith('type '))
    .map((part) => {
      const [before, after] = part.split(/\s+as\s+/);
      return ((side === 'after' ? after : undefined) ?? before).trim();
    });
}

export function firstLoadChunk(entryFile) {
  const entry = resolve(entryFile);
  const imports = new Map();
  const patterns = BARRELS.map((barrel) => importPattern(barrel.specifier));
  /** Module → barrel index → names it imports from that barrel (values, not types). */
  const barrelNames = new Map();
  /** Barrel index → its export name → the module that defines it. */
  const barrelModules = BARRELS.map(() => new Map());
  /** Resolved barrel file → barrel index. */
  const barrelFiles = new Map();
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
        const index = barrelFiles.get(next);
        if (index === undefined) {
          queue.push(next);
          continue;
        }
        closure.add(next);
        for (const name of barrelNames.get(id)?.get(index) ?? []) {
          const module = barrelModules[index]?.get(name);
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
        barrelNames.clear();
        for (const modules of barrelModules) modules.clear();
        barrelFiles.clear();
        closure = null;
      },
      transform: {
        order: 'pre',
        handler(code, id) {
          const path = id.split('?')[0];
          const index = BARRELS.findIndex((barrel) => barrel.file.test(path));
          if (index >= 0) {
            barrelFiles.set(path, index);
            for (const match of code.matchAll(BARREL_EXPORT)) {
              const target = resolve(dirname(path), match[2]);
              for (const name of names(match[1], 'after')) barrelModules[index]?.set(name, target);
            }
            return null;
          }
          BARRELS.forEach((barrel, at) => {
            if (!code.includes(barrel.specifier)) return;
            const found = [];
            for (const match of code.matchAll(patterns[at])) {
              if (!/^import\s+type\b/.test(match[0])) found.push(...names(match[1]));
            }
            if (!barrelNames.has(path)) barrelNames.set(path, new Map());
            barrelNames.get(path).set(at, found);
          });
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
