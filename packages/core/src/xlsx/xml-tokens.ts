/** A workbook part could not be read as the XML a spreadsheet program writes. */
export class WorkbookFormatError extends Error {}

export interface XmlHandler {
  /** An element opens (`name` without its namespace prefix); `closed` for `<x/>`. */
  open(name: string, attributes: Record<string, string>, closed: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Resolves XML's five named entities and numeric character references. */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref] ?? whole;
    const code =
      ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Text kept while waiting for a tag's end: a cell holds at most 32,767 characters. */
const MAX_PENDING = 4 * 1024 * 1024;

/**
 * A streaming reader for the XML of workbook parts: elements, attributes and text, in chunks of
 * any size. It reads what spreadsheet programs write (no DTDs); comments, processing
 * instructions and CDATA are handled, anything else malformed is an error.
 */
export class XmlTokenizer {
  private pending = '';

  constructor(private readonly handler: XmlHandler) {}

  push(chunk: string): void {
    const input = this.pending + chunk;
    let at = 0;
    for (;;) {
      const lt = input.indexOf('<', at);
      // Text is complete only at the next tag (an entity may be split between chunks).
      if (lt === -1) break;
      if (lt > at) this.emitText(input.slice(at, lt));
      const end = this.tagEnd(input, lt);
      if (end === -1) {
        at = lt;
        break;
      }
      this.tag(input.slice(lt, end + 1));
      at = end + 1;
    }
    this.pending = input.slice(at);
    if (this.pending.length > MAX_PENDING) {
      throw new WorkbookFormatError('an XML tag or text is too long');
    }
  }

  end(): void {
    if (this.pending.trim() !== '') throw new WorkbookFormatError('the XML ends inside a tag');
    this.pending = '';
  }

  /** Where the markup starting at `lt` ends (-1: not in this chunk yet). */
  private tagEnd(input: string, lt: number): number {
    if (input.startsWith('<!--', lt)) {
      const end = input.indexOf('-->', lt + 4);
      return end === -1 ? -1 : end + 2;
    }
    if (input.startsWith('<![CDATA[', lt)) {
      const end = input.indexOf(']]>', lt + 9);
      return end === -1 ? -1 : end + 2;
    }
    // Attribute values may hold '>', so skip quoted runs.
    let quote = '';
    for (let index = lt + 1; index < input.length; index++) {
      const char = input[index];
      if (quote) {
        if (char === quote) quote = '';
      } else if (char === '"' || char === "'") quote = char;
      else if (char === '>') return index;
    }
    return -1;
  }

  private emitText(text: string): void {
    if (text !== '') this.handler.text(decodeXmlText(text));
  }

  private tag(markup: string): void {
    if (markup.startsWith('<!--') || markup.startsWith('<?')) return;
    if (markup.startsWith('<![CDATA[')) {
      this.handler.text(markup.slice(9, -3));
      return;
    }
    if (markup.startsWith('<!')) throw new WorkbookFormatError('the XML declares a DTD');
    if (markup[1] === '/') {
      this.handler.close(localName(markup.slice(2, -1).trim()));
      return;
    }
    const closed = markup.endsWith('/>');
    const body = markup.slice(1, closed ? -2 : -1);
    const space = body.search(/\s/);
    const name = localName(space === -1 ? body : body.slice(0, space));
    const attributes: Record<string, string> = {};
    if (space !== -1) {
      for (const match of body.slice(space).matchAll(ATTRIBUTE)) {
        attributes[localName(match[1] ?? '')] = decodeXmlText(match[2] ?? match[3] ?? '');
      }
    }
    this.handler.open(name, attributes, closed);
    if (closed) this.handler.close(name);
  }
}

/** Parses a whole (small) part, e.g. workbook.xml, with one handler. */
export function parseXml(text: string, handler: XmlHandler): void {
  const tokenizer = new XmlTokenizer(handler);
  tokenizer.push(text);
  tokenizer.end();
}
