import type { HttpExchange } from './http-exchange';

// A small path router: `:name` matches one segment, `*name` the rest. Literal segments match
// case-insensitively (Graph's paths are case-insensitive).

export type RouteHandler = (exchange: HttpExchange) => Promise<void> | void;

interface Route {
  method: string;
  segments: string[];
  handler: RouteHandler;
}

export type RouteMatch =
  { handler: RouteHandler; params: Record<string, string> } | { handler: undefined; methodNotAllowed: boolean };

function split(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

export class RouteTable {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: RouteHandler): this {
    this.routes.push({ method: method.toUpperCase(), segments: split(pattern), handler });
    return this;
  }

  match(method: string, pathname: string): RouteMatch {
    const actual = split(pathname).map((s) => safeDecode(s));
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, actual);
      if (!params) continue;
      pathMatched = true;
      if (route.method === method || (route.method === 'GET' && method === 'HEAD'))
        return { handler: route.handler, params };
    }
    return { handler: undefined, methodNotAllowed: pathMatched };
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i] as string;
    if (expected.startsWith('*')) {
      params[expected.slice(1)] = actual.slice(i).join('/');
      return params;
    }
    const value = actual[i];
    if (value === undefined) return undefined;
    if (expected.startsWith(':')) params[expected.slice(1)] = value;
    else if (expected.toLowerCase() !== value.toLowerCase()) return undefined;
  }
  return pattern.length === actual.length ? params : undefined;
}
