// Lets Node (outside Next's bundler) load modules marked `import 'server-only'`: the server entry and the
// command-line scripts are server code by definition. Next's own build keeps the real guard.
import { register } from 'node:module';

const hooks = `
export async function resolve(specifier, context, next) {
  if (specifier === 'server-only') return { url: 'data:text/javascript,export{}', shortCircuit: true };
  return next(specifier, context);
}`;
register('data:text/javascript,' + encodeURIComponent(hooks));
