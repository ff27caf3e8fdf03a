import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './servers';

// Every page and route handler, read from app/ so that a new route is covered without editing a list.

export interface AppRoute {
  path: string;
  kind: 'page' | 'route';
  file: string;
}

function toUrlPath(segments: string[]): string {
  const parts = segments
    .filter((s) => !(s.startsWith('(') && s.endsWith(')')) && !s.startsWith('@'))
    .map((s) => (s.startsWith('[') ? 'e2e-placeholder' : s));
  return '/' + parts.join('/');
}

export function appRoutes(): AppRoute[] {
  const routes: AppRoute[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('_')) walk(path.join(dir, entry.name), [...segments, entry.name]);
      } else if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name)) {
        routes.push({ path: toUrlPath(segments), kind: 'page', file: path.join(dir, entry.name) });
      } else if (/^route\.(ts|js)$/.test(entry.name)) {
        routes.push({ path: toUrlPath(segments), kind: 'route', file: path.join(dir, entry.name) });
      }
    }
  };
  walk(path.join(ROOT, 'app'), []);
  return routes;
}

export function handlerMethods(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  return ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) =>
    new RegExp(`export\\s+(async\\s+)?(function|const)\\s+${m}\\b`).test(source),
  );
}
