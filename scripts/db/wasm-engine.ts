// The Prisma schema engine compiled to WebAssembly (`@prisma/schema-engine-wasm`), driven directly.
// Prisma 7.10's CLI can only run the native engine, which cannot be downloaded here (see /work/shared/OFFLINE.md);
// this wrapper is what `create-migration.ts` and the drift test use instead. Development only: the app's runtime
// migrator (`lib/db/apply-migrations.ts`) needs none of it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';

export type { SchemaEngine };

type EngineMethod = Exclude<keyof SchemaEngine, 'free' | 'debugPanic' | typeof Symbol.dispose>;
type MethodInput<M extends EngineMethod> = Parameters<SchemaEngine[M]>[0];
type MethodOutput<M extends EngineMethod> = Awaited<ReturnType<SchemaEngine[M]>>;

export interface WasmSchemaEngine {
  call<M extends EngineMethod>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** Frees the engine and disposes every connection it opened (freeing alone leaves them open and locked). */
  close(): Promise<void>;
}

interface PanicRegistry {
  lastPanic: string | undefined;
  set_message(message: string): void;
}

declare global {
  // The wasm glue reports Rust panic messages through this global (name fixed by the glue code).
  var PRISMA_WASM_PANIC_REGISTRY: PanicRegistry | undefined;
}

const INSTANCE_KEY = Symbol.for('switchboard.schemaEngineWasm.instantiated');
type GlobalWithFlag = typeof globalThis & { [INSTANCE_KEY]?: true };

// Node 20 cannot `import` a .wasm file, so the package's entry point (which does) is bypassed: compile the module
// ourselves and hand its exports to the glue. A second instantiation in the same process panics, and the glue is
// a singleton anyway (module-level `wasm` variable), so this runs once per process and is remembered on
// globalThis (vitest may re-evaluate this file while the glue module stays cached by Node).
function ensureInstantiated(): void {
  const g = globalThis as GlobalWithFlag;
  if (g[INSTANCE_KEY]) return;
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
    lastPanic: undefined,
    set_message(message: string) {
      this.lastPanic = message;
    },
  };
  const require = createRequire(import.meta.url);
  // The package's `exports` map does not list the .wasm file itself: find it next to the glue module.
  const glueDir = dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  const wasmPath = join(glueDir, 'schema_engine_bg.wasm');
  const compiled = new WebAssembly.Module(readFileSync(wasmPath));
  const instance = new WebAssembly.Instance(compiled, { './schema_engine_bg.js': { ...glue } });
  glue.__wbg_set_wasm(instance.exports);
  const start = instance.exports.__wbindgen_start;
  if (typeof start !== 'function') throw new Error('schema-engine-wasm: __wbindgen_start export missing');
  start();
  g[INSTANCE_KEY] = true;
}

/** The message of the last Rust panic in the engine, if any (a panic surfaces as `RuntimeError: unreachable`). */
export function lastEnginePanic(): string | undefined {
  return globalThis.PRISMA_WASM_PANIC_REGISTRY?.lastPanic;
}

/** Rewrites the engine's opaque errors into readable ones. */
function explain(error: unknown, registry: { consumeError(id: number): { error: unknown } | undefined }): Error {
  const message = error instanceof Error ? error.message : String(error);
  // Driver errors thrown in JavaScript reach the engine as `External error id#N`; the original is in the registry.
  const external = /External error id#(\d+)/.exec(message);
  if (external?.[1] !== undefined) {
    const original = registry.consumeError(Number(external[1]))?.error;
    if (original instanceof Error) return new Error(`${message}: ${original.message}`, { cause: original });
    if (original !== undefined) return new Error(`${message}: ${JSON.stringify(original)}`);
  }
  const panic = globalThis.PRISMA_WASM_PANIC_REGISTRY?.lastPanic;
  if (error instanceof WebAssembly.RuntimeError && panic) {
    return new Error(`schema engine panicked: ${panic}`, { cause: error });
  }
  if (error instanceof Error) return error;
  // Engine errors are plain objects ({ code, message, meta }) rather than Error instances.
  return new Error(typeof error === 'object' && error !== null ? JSON.stringify(error) : message);
}

/**
 * Starts a schema engine on the given adapter factory. `connectToShadowDb` of the factory is what the engine uses
 * for its shadow database (replaying migrations), so the factory decides where that lives.
 */
export async function openSchemaEngine(
  factory: SqlMigrationAwareDriverAdapterFactory,
  datamodel?: { path: string; content: string },
): Promise<WasmSchemaEngine> {
  ensureInstantiated();
  const open = new Set<SqlDriverAdapter>();
  const track = async (connect: () => Promise<SqlDriverAdapter>): Promise<SqlDriverAdapter> => {
    const adapter = await connect();
    open.add(adapter);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      if (!open.delete(adapter)) return; // already disposed
      await dispose();
    };
    return adapter;
  };
  const bound = bindMigrationAwareSqlAdapterFactory({
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => track(() => factory.connect()),
    connectToShadowDb: () => track(() => factory.connectToShadowDb()),
  });
  const log = (line: string) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) process.stderr.write(`[schema-engine] ${line}\n`);
  };
  let engine: SchemaEngine;
  try {
    const datamodels: [string, string][] | undefined = datamodel ? [[datamodel.path, datamodel.content]] : undefined;
    engine = await glue.SchemaEngine.new({ datamodels }, log, bound);
  } catch (error) {
    throw explain(error, bound.errorRegistry);
  }
  async function call<M extends EngineMethod>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    if (globalThis.PRISMA_WASM_PANIC_REGISTRY) globalThis.PRISMA_WASM_PANIC_REGISTRY.lastPanic = undefined;
    try {
      // Called through the instance (not a detached reference): the glue reads `this.__wbg_ptr`.
      const fn = engine[method] as unknown as (this: SchemaEngine, arg: MethodInput<M>) => Promise<MethodOutput<M>>;
      return await fn.call(engine, input);
    } catch (error) {
      throw explain(error, bound.errorRegistry);
    }
  }
  return {
    call,
    async close() {
      engine.free();
      const errors: unknown[] = [];
      for (const adapter of [...open]) await adapter.dispose().catch((error: unknown) => errors.push(error));
      if (errors.length > 0) throw new AggregateError(errors, 'closing schema engine connections failed');
    },
  };
}
