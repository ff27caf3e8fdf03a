// A very small browser for tests: keeps cookies, reads HTML forms and submits them, never follows redirects.
// Enough to walk the sandbox's sign-in and consent pages the way a person does.

export interface Page {
  url: string;
  status: number;
  /** Location header of a redirect. */
  location?: string;
  html: string;
}

export interface HtmlForm {
  action: string;
  method: string;
  fields: Record<string, string>;
  /** Submit buttons: name, value and visible text. */
  buttons: { name?: string; value?: string; text: string }[];
}

const attribute = (tag: string, name: string): string | undefined => {
  const match = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag);
  return match ? decodeEntities(match[1] ?? '') : undefined;
};

function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function readForm(html: string): HtmlForm | undefined {
  const form = /<form\b([^>]*)>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) return undefined;
  const [, formTag = '', inner = ''] = form;
  const fields: Record<string, string> = {};
  for (const input of inner.match(/<input\b[^>]*>/gi) ?? []) {
    const name = attribute(input, 'name');
    if (name) fields[name] = attribute(input, 'value') ?? '';
  }
  const buttons = [...inner.matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/gi)].map(([, tag = '', text = '']) => ({
    name: attribute(tag, 'name'),
    value: attribute(tag, 'value'),
    text: text.replace(/<[^>]+>/g, '').trim(),
  }));
  return {
    action: attribute(formTag, 'action') ?? '',
    method: (attribute(formTag, 'method') ?? 'get').toUpperCase(),
    fields,
    buttons,
  };
}

export class BrowserSession {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly fetchImpl: typeof fetch) {}

  private cookieHeader(): Record<string, string> {
    return this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
  }

  private async load(url: string, init: RequestInit): Promise<Page> {
    const response = await this.fetchImpl(url, {
      ...init,
      redirect: 'manual',
      headers: { ...this.cookieHeader(), ...(init.headers as Record<string, string> | undefined) },
    });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair = ''] = setCookie.split(';');
      const [name = '', ...value] = pair.split('=');
      if (/max-age=0/i.test(setCookie)) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.join('='));
    }
    return {
      url,
      status: response.status,
      location: response.headers.get('location') ?? undefined,
      html: await response.text(),
    };
  }

  get(url: string): Promise<Page> {
    return this.load(url, { method: 'GET' });
  }

  /** Submits the page's first form with extra field values, pressing the button with that visible text. */
  submit(page: Page, values: Record<string, string> = {}, buttonText?: string): Promise<Page> {
    const form = readForm(page.html);
    if (!form) throw new Error(`No form on the page (${page.status}): ${page.html.slice(0, 300)}`);
    const fields = { ...form.fields, ...values };
    const button = buttonText ? form.buttons.find((b) => b.text === buttonText) : form.buttons[0];
    if (buttonText && !button) throw new Error(`No button "${buttonText}" on the page`);
    if (button?.name) fields[button.name] = button.value ?? '';
    const action = new URL(form.action || page.url, page.url).toString();
    return this.load(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }
}
