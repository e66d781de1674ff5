import { decodeXmlText, WorkbookFormatError, XmlTokenizer } from './xml-tokens.js';

function tokens(chunks: string[]): string[] {
  const seen: string[] = [];
  const tokenizer = new XmlTokenizer({
    open: (name, attributes, closed) =>
      seen.push(
        `<${name}${Object.entries(attributes)
          .map(([k, v]) => ` ${k}=${v}`)
          .join('')}${closed ? '/' : ''}>`,
      ),
    close: (name) => seen.push(`</${name}>`),
    text: (text) => seen.push(text),
  });
  for (const chunk of chunks) tokenizer.push(chunk);
  tokenizer.end();
  // Text may arrive in pieces; joined, it is what the document says.
  return seen.reduce<string[]>((merged, token) => {
    const last = merged[merged.length - 1];
    if (last !== undefined && !token.startsWith('<') && !last.startsWith('<'))
      merged[merged.length - 1] = last + token;
    else merged.push(token);
    return merged;
  }, []);
}

describe('the workbook XML tokenizer', () => {
  const xml =
    '<?xml version="1.0"?><x:row r="2"><c r="A2" t="s" note="a>b"><v>1</v></c><!-- c --><c r="B2"/><is><t xml:space="preserve"> Ü &amp; &#x4E2D;&#25991; </t></is><t><![CDATA[<raw>]]></t></x:row>';
  const expected = [
    '<row r=2>',
    '<c r=A2 t=s note=a>b>',
    '<v>',
    '1',
    '</v>',
    '</c>',
    '<c r=B2/>',
    '</c>',
    '<is>',
    '<t space=preserve>',
    ' Ü & 中文 ',
    '</t>',
    '</is>',
    '<t>',
    '<raw>',
    '</t>',
    '</row>',
  ];

  it('reads elements (prefixes dropped), attributes, entities, comments and CDATA', () => {
    expect(tokens([xml])).toEqual(expected);
  });

  it('reads the same whatever the chunks, split inside tags, attributes and entities', () => {
    for (const size of [1, 2, 3, 7, 13]) {
      const chunks: string[] = [];
      for (let at = 0; at < xml.length; at += size) chunks.push(xml.slice(at, at + size));
      expect(tokens(chunks)).toEqual(expected);
    }
  });

  it('refuses a DTD and a document that ends inside a tag', () => {
    expect(() => tokens(['<!DOCTYPE x [<!ENTITY a "b">]><x/>'])).toThrow(WorkbookFormatError);
    expect(() => tokens(['<x><y a="1"'])).toThrow(WorkbookFormatError);
  });

  it('leaves unknown entities as they are', () => {
    expect(decodeXmlText('&nbsp; &lt;')).toBe('&nbsp; <');
  });
});
