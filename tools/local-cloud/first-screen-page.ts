import { readFile, stat } from 'node:fs/promises';
import type { CardView } from '../../domain/api/views.schema';
import type { ActionResult } from '../../domain/common/result';
import type { CardLocation } from '../../src/first-screen/first-screen-route';
import { renderCardFirstScreen } from '../../src/first-screen/card-first-screen';
import { browserLanguageOf, firstScreenCardRequest, linkLanguage } from '../../src/first-screen/first-screen-language';
import { cardLocation } from '../../src/first-screen/first-screen-route';
import { FIRST_SCREEN_ELEMENT_ID, SERVED_CARD_ELEMENT_ID, servedCardJson, type ServedCard } from '../../src/first-screen/first-screen-handoff';

/**
 * The web host's side of the H5 first screen: for a card address that names its card in the query string
 * (`/?cardId=…&s=…`, the form web links and plain-URL QR codes take) or names none (the default card), the
 * card is fetched through the same use case and rendered into index.html, so the browser paints it while
 * parsing — the way a static page is painted — and the app picks the answer up instead of asking again.
 * Hash addresses never reach a server: index.html's boot script fetches those itself.
 */

const SERVED_CARD_SLOT = new RegExp(`(<script id="?${SERVED_CARD_ELEMENT_ID}"?[^>]*>)null(</script>)`);
const APP_ROOT = /<div id="?app"?><\/div>/;

/** index.html with the card rendered in, or unchanged if the built page has not got both slots. */
export const injectFirstScreen = (html: string, served: ServedCard, screenHtml: string): string => {
  if (!SERVED_CARD_SLOT.test(html) || !APP_ROOT.test(html)) return html;
  // Replacer functions: card text may contain `$&`-like sequences that a replacement string would expand.
  return html
    .replace(SERVED_CARD_SLOT, (_m, open: string, close: string) => `${open}${servedCardJson(served)}${close}`)
    .replace(APP_ROOT, (root) => `<div id="${FIRST_SCREEN_ELEMENT_ID}" aria-busy="true">${screenHtml}</div>${root}`);
};

export interface FirstScreenPageOptions {
  indexFile: string;
  /** `card.get` through the action runner, as an anonymous web visitor. */
  answerCard: (request: CardLocation['request']) => Promise<ActionResult<unknown>>;
}

/**
 * Builds index.html for a request URL: with the card rendered in when the address names it, else as built. The
 * card is asked for in the language the boot script will choose — the link's `lang`, else the browser's — so an
 * English browser's card is handed over too instead of being asked for again (a choice remembered on the device
 * only the boot script can see; it asks again then).
 */
export const createFirstScreenPage = ({ indexFile, answerCard }: FirstScreenPageOptions) => {
  let template: { mtimeMs: number; html: string } | null = null;
  // Re-read after an H5 rebuild, like the static files next to it.
  const readTemplate = async (): Promise<string> => {
    const { mtimeMs } = await stat(indexFile);
    if (template?.mtimeMs !== mtimeMs) template = { mtimeMs, html: await readFile(indexFile, 'utf8') };
    return template.html;
  };

  return async (url: URL, acceptLanguage?: string): Promise<string> => {
    const html = await readTemplate();
    const located = cardLocation('', url.search);
    if (!located) return html;
    // A link's `lang=en` asks for the English content, as the boot script and the app will; else the browser's.
    const lang = linkLanguage(url.search) ?? browserLanguageOf(acceptLanguage);
    const request = firstScreenCardRequest(located.request, lang);
    const answer = await answerCard(request);
    // Not found or refused: the page as built; the app fetches again and explains.
    if (!answer.ok) return html;
    return injectFirstScreen(html, { input: request, answer }, renderCardFirstScreen(answer.data as CardView, lang));
  };
};
