// A value as a PowerShell single-quoted string: nothing inside is expanded ($, `, subexpressions), and a quote is
// doubled. PowerShell takes the typographic single quotes (U+2018–U+201B) as quotes too, so they are doubled as
// well: a mailbox or a name can never end the string early and run as a command. Universal and pure.

const SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;

export function powershellQuote(value: string): string {
  // A line break inside a pasted command is legal in a single-quoted string, but a pasted block of several lines is
  // easy to misread: the value keeps its characters on one line.
  const oneLine = value.replace(/[\r\n]+/g, ' ');
  return `'${oneLine.replace(SINGLE_QUOTES, (quote) => quote + quote)}'`;
}
