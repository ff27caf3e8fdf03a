import fs from 'node:fs';
import path from 'node:path';

// Just enough of a Dockerfile reader for the image test: instructions per stage (continuation lines joined), the
// COPY sources taken from the build context, ENV values, and the exec-form CMD and HEALTHCHECK.

export interface Instruction {
  keyword: string;
  args: string;
  stage: number;
}

export function readInstructions(file: string): Instruction[] {
  const lines = fs
    .readFileSync(file, 'utf8')
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/);
  const instructions: Instruction[] = [];
  let stage = -1;
  for (const line of lines) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const [keyword = '', ...rest] = trimmed.split(/\s+/);
    if (keyword.toUpperCase() === 'FROM') stage += 1;
    instructions.push({ keyword: keyword.toUpperCase(), args: rest.join(' '), stage });
  }
  return instructions;
}

/** The build-context paths of every COPY without --from (the last argument is the destination). */
export function contextSources(instructions: Instruction[]): string[] {
  return instructions
    .filter((i) => i.keyword === 'COPY' && !/--from=/.test(i.args))
    .flatMap((i) =>
      i.args
        .split(/\s+/)
        .filter((a) => !a.startsWith('--'))
        .slice(0, -1),
    );
}

/** ENV of one stage, both `ENV A=1 B=2` and `ENV A 1` forms. */
export function stageEnv(instructions: Instruction[], stage: number): Record<string, string> {
  const env: Record<string, string> = {};
  for (const i of instructions.filter((x) => x.keyword === 'ENV' && x.stage === stage)) {
    if (i.args.includes('='))
      for (const pair of i.args.split(/\s+/)) env[pair.slice(0, pair.indexOf('='))] = pair.slice(pair.indexOf('=') + 1);
    else env[i.args.split(/\s+/)[0] ?? ''] = i.args.split(/\s+/).slice(1).join(' ');
  }
  return env;
}

/** The exec form (JSON array) of the last CMD, or of HEALTHCHECK's CMD. */
export function execForm(instructions: Instruction[], keyword: 'CMD' | 'HEALTHCHECK'): string[] {
  const last = instructions.filter((i) => i.keyword === keyword).at(-1);
  const json = last?.args.slice(last.args.indexOf('[')) ?? '';
  return JSON.parse(json) as string[];
}

/** Whether .dockerignore leaves a context path out (the simple patterns this project uses: names, dirs, `*`). */
export function isIgnored(relative: string, patterns: string[]): boolean {
  return patterns.some((pattern) => {
    const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}(/.*)?$`);
    return regex.test(relative);
  });
}

export function readDockerignore(root: string): string[] {
  return fs
    .readFileSync(path.join(root, '.dockerignore'), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** Copies what `COPY . .` would send: the context without what .dockerignore leaves out. */
export function copyContext(root: string, target: string, patterns: string[], relative = ''): void {
  for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
    const rel = relative ? `${relative}/${entry.name}` : entry.name;
    if (isIgnored(rel, patterns)) continue;
    if (entry.isDirectory()) copyContext(root, target, patterns, rel);
    else if (entry.isFile()) {
      fs.mkdirSync(path.dirname(path.join(target, rel)), { recursive: true });
      fs.copyFileSync(path.join(root, rel), path.join(target, rel));
    }
  }
}
