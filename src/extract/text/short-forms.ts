/**
 * Short forms a document introduces after a name: （以下简称“华岳电工”）, （下称「城大」）.
 * One pattern for the recognisers, which read where a name begins, and for resolution, which
 * joins the short form to its name.
 */
const SOURCE = '[（(](?:以下)?(?:简称|下称|称)[为：:]?[“"「]?([^”"」）)]{2,12})[”"」]?[）)]';

/** Every introduction in a text; group 1 is the short form. */
export const INTRODUCED_SHORT_FORM = new RegExp(SOURCE, 'g');

const INTRODUCED_HERE = new RegExp(SOURCE, 'y');

/** The short form introduced right at `at`, if one is. */
export function shortFormIntroducedAt(text: string, at: number): string | undefined {
  INTRODUCED_HERE.lastIndex = at;
  return INTRODUCED_HERE.exec(text)?.[1];
}
