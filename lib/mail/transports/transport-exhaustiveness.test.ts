import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Adding a transport (or an SMTP authentication) must not compile until every table and switch knows it: the real
// sources are type-checked with the union extended in memory by a fake kind (tests/fixtures/transports), and the
// compiler must name each place; with the unions as they are, the same sources type-check.

const ROOT = path.resolve(__dirname, '../../..');
const at = (file: string) => path.join(ROOT, file);
const EMAIL_TRANSPORT = at('lib/mail/transports/email-transport.ts');
const SMTP_TRANSPORT = at('lib/mail/transports/smtp/smtp-transport.ts');
const CHECKED = [
  'lib/mail/transports/transport-kinds.ts',
  'lib/mail/transports/transport-forms.ts',
  'lib/mail/transports/transport-deliveries.ts',
  'lib/mail/transports/smtp/smtp-transport.ts',
  'lib/mail/transports/smtp/smtp-auth-kinds.ts',
  'lib/mail/transports/smtp/smtp-delivery.ts',
].map(at);

function compilerOptions(): ts.CompilerOptions {
  const config = ts.readConfigFile(at('tsconfig.json'), (file) => ts.sys.readFile(file));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  return { ...parsed.options, incremental: false, noEmit: true, plugins: [] };
}

/** Replaces `from` by `to` in a file's text, failing loudly when the source no longer reads that way. */
function edit(file: string, from: string, to: string): [string, string] {
  const text = fs.readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${path.relative(ROOT, file)} no longer contains: ${from}`);
  return [path.normalize(file), text.replace(from, to)];
}

let previous: ts.Program | undefined;

/** The diagnostics of the checked files, as "file: message", with some files' text replaced. */
function diagnostics(overrides: Map<string, string>): string[] {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, onError, shouldCreate) => {
    const text = overrides.get(path.normalize(fileName));
    return text === undefined
      ? getSourceFile(fileName, language, onError, shouldCreate)
      : ts.createSourceFile(fileName, text, language);
  };
  const program = ts.createProgram(CHECKED, options, host, previous);
  previous = program;
  return CHECKED.flatMap((file) => {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`not compiled: ${file}`);
    return program
      .getSemanticDiagnostics(source)
      .map((d) => `${path.relative(ROOT, file)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  });
}

const FAKE = "import { fakeSmtpAuthSchema, fakeTransportSchema } from '@/tests/fixtures/transports/fake-transport';\n";

describe('adding a transport kind', () => {
  it('type-checks as it is', () => {
    expect(diagnostics(new Map())).toEqual([]);
  }, 180_000);

  it('is a compile error in every table that forgets the new kind', () => {
    const found = diagnostics(
      new Map(
        [
          edit(
            EMAIL_TRANSPORT,
            "z.discriminatedUnion('kind', [smtpTransportSchema, graphTransportSchema])",
            "z.discriminatedUnion('kind', [smtpTransportSchema, graphTransportSchema, fakeTransportSchema])",
          ),
        ].map(([file, text]) => [file, FAKE + text]),
      ),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^lib\/mail\/transports\/transport-kinds\.ts: Property 'fake' is missing/),
        expect.stringMatching(/^lib\/mail\/transports\/transport-forms\.ts: Property 'fake' is missing/),
        expect.stringMatching(/^lib\/mail\/transports\/transport-deliveries\.ts: Property 'fake' is missing/),
      ]),
    );
  }, 180_000);

  it('is a compile error in every switch that forgets a new SMTP authentication', () => {
    const found = diagnostics(
      new Map(
        [edit(SMTP_TRANSPORT, 'basicAuth,\n', 'basicAuth,\n  fakeSmtpAuthSchema,\n')].map(([file, text]) => [
          file,
          FAKE + text,
        ]),
      ),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^lib\/mail\/transports\/smtp\/smtp-delivery\.ts: Argument of type .*fake-auth.* is not assignable to parameter of type 'never'/s,
        ),
        expect.stringMatching(/^lib\/mail\/transports\/smtp\/smtp-auth-kinds\.ts: Property '"fake-auth"' is missing/),
        expect.stringMatching(
          /^lib\/mail\/transports\/smtp\/smtp-transport\.ts: Function lacks ending return statement/,
        ),
      ]),
    );
  }, 180_000);
});
