import { BrowserSession, readForm, type Page } from './browser-session';

// Walks /authorize as a person does: sign-in page (username, password), consent page (Accept or Cancel),
// then the redirect (query or fragment) or the form_post page back to the client.

export interface PagePerson {
  username: string;
  password: string;
  consent?: 'Accept' | 'Cancel';
}

export interface SignInOutcome {
  /** The URL the browser was sent back to, when it was. */
  redirectUri?: string;
  /** code, state, error, error_description... from the query, the fragment or the posted form. */
  params: URLSearchParams;
  pages: Page[];
  final: Page;
}

export async function signInWithPages(
  browser: BrowserSession,
  authorizeUrl: string,
  person: PagePerson,
): Promise<SignInOutcome> {
  const pages: Page[] = [];
  let page = await browser.get(authorizeUrl);
  for (let step = 0; step < 6; step++) {
    pages.push(page);
    if (page.status >= 300 && page.status < 400 && page.location) {
      const url = new URL(page.location);
      const params = new URLSearchParams(url.search);
      for (const [key, value] of new URLSearchParams(url.hash.slice(1))) params.set(key, value);
      url.search = '';
      url.hash = '';
      return { redirectUri: url.toString(), params, pages, final: page };
    }
    const form = readForm(page.html);
    if (!form) break;
    if ('login' in form.fields) page = await browser.submit(page, { login: person.username, passwd: person.password });
    else if (form.buttons.some((b) => b.text === 'Accept'))
      page = await browser.submit(page, {}, person.consent ?? 'Accept');
    else if ('code' in form.fields || 'error' in form.fields)
      return { redirectUri: form.action, params: new URLSearchParams(form.fields), pages, final: page };
    else break;
  }
  return { params: new URLSearchParams(), pages, final: page };
}
