/**
 * A small namespace-aware XML reader for the manifest checks: elements, attributes, text, comments,
 * processing instructions. No DTDs (a manifest has none; one is refused), no external entities. The full
 * schema check is xmllint's job; this gives the structural checks a tree with resolved namespaces and
 * line numbers, without a dependency.
 */

export interface XmlElement {
  /** Namespace URI ('' when none). */
  readonly ns: string;
  /** Local name, without prefix. */
  readonly name: string;
  /** Attributes by their qualified name as written (`xsi:type`, `resid`). */
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** Concatenated text content directly inside this element, trimmed. */
  readonly text: string;
  /** 1-based line of the start tag. */
  readonly line: number;
}

/** The bytes are not well-formed XML (or use a feature this reader refuses). */
export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(s: string, line: number): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);|&/g, (m, ref: string | undefined) => {
    if (ref === undefined) throw new XmlSyntaxError('bare "&"', line);
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    const v = ENTITIES[ref];
    if (v === undefined) throw new XmlSyntaxError(`unknown entity ${m}`, line);
    return v;
  });
}

interface Open {
  qname: string;
  rawAttrs: Record<string, string>;
  scope: Map<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}

const NAME = '[A-Za-z_][\\w.\\-]*(?::[A-Za-z_][\\w.\\-]*)?';
const ATTR = new RegExp(`\\s+(${NAME})\\s*=\\s*("([^"]*)"|'([^']*)')`, 'y');

/** Parse `xml` into its root element; throws XmlSyntaxError with a line number when it is not well formed. */
export function parseXml(xml: string): XmlElement {
  let pos = 0;
  let line = 1;
  const stack: Open[] = [];
  let root: XmlElement | null = null;
  const advance = (to: number): void => {
    for (let i = pos; i < to; i++) if (xml.charCodeAt(i) === 10) line++;
    pos = to;
  };
  const resolve = (qname: string, scope: Map<string, string>, isAttr: boolean): { ns: string; name: string } => {
    const colon = qname.indexOf(':');
    if (colon < 0) return { ns: isAttr ? '' : (scope.get('') ?? ''), name: qname };
    const prefix = qname.slice(0, colon);
    const ns = scope.get(prefix);
    if (ns === undefined) throw new XmlSyntaxError(`undeclared namespace prefix "${prefix}"`, line);
    return { ns, name: qname.slice(colon + 1) };
  };

  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) {
      if (xml.slice(pos).trim() !== '') throw new XmlSyntaxError('text after the root element', line);
      break;
    }
    const text = xml.slice(pos, lt);
    const top = stack[stack.length - 1];
    if (top) top.text += decode(text, line);
    else if (text.trim() !== '') throw new XmlSyntaxError('text outside the root element', line);
    advance(lt);

    if (xml.startsWith('<!--', pos)) {
      const end = xml.indexOf('-->', pos + 4);
      if (end < 0) throw new XmlSyntaxError('unterminated comment', line);
      advance(end + 3);
    } else if (xml.startsWith('<?', pos)) {
      const end = xml.indexOf('?>', pos + 2);
      if (end < 0) throw new XmlSyntaxError('unterminated processing instruction', line);
      advance(end + 2);
    } else if (xml.startsWith('<![CDATA[', pos)) {
      const end = xml.indexOf(']]>', pos);
      if (end < 0 || !top) throw new XmlSyntaxError('bad CDATA section', line);
      top.text += xml.slice(pos + 9, end);
      advance(end + 3);
    } else if (xml.startsWith('<!', pos)) {
      throw new XmlSyntaxError('DTDs and declarations are not accepted in a manifest', line);
    } else if (xml.startsWith('</', pos)) {
      const m = new RegExp(`</(${NAME})\\s*>`, 'y');
      m.lastIndex = pos;
      const hit = m.exec(xml);
      if (!hit) throw new XmlSyntaxError('bad end tag', line);
      const open = stack.pop();
      if (!open || open.qname !== hit[1]) {
        throw new XmlSyntaxError(`end tag </${hit[1]}> does not match <${open?.qname ?? '(none)'}>`, line);
      }
      const done = finish(open, resolve);
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(done);
      else if (root) throw new XmlSyntaxError('more than one root element', line);
      else root = done;
      advance(pos + hit[0].length);
    } else {
      const m = new RegExp(`<(${NAME})`, 'y');
      m.lastIndex = pos;
      const hit = m.exec(xml);
      if (!hit?.[1]) throw new XmlSyntaxError('bad start tag', line);
      const startLine = line;
      let at = pos + hit[0].length;
      const rawAttrs: Record<string, string> = {};
      for (;;) {
        ATTR.lastIndex = at;
        const a = ATTR.exec(xml);
        if (!a?.[1]) break;
        if (a[1] in rawAttrs) throw new XmlSyntaxError(`duplicate attribute ${a[1]}`, line);
        rawAttrs[a[1]] = decode(a[3] ?? a[4] ?? '', line);
        at = ATTR.lastIndex;
      }
      const close = /\s*(\/?)>/y;
      close.lastIndex = at;
      const c = close.exec(xml);
      if (!c) throw new XmlSyntaxError(`bad start tag <${hit[1]}>`, line);
      const scope = new Map(stack[stack.length - 1]?.scope ?? []);
      for (const [k, v] of Object.entries(rawAttrs)) {
        if (k === 'xmlns') scope.set('', v);
        else if (k.startsWith('xmlns:')) scope.set(k.slice(6), v);
      }
      const open: Open = { qname: hit[1], rawAttrs, scope, children: [], text: '', line: startLine };
      advance(close.lastIndex);
      if (c[1] === '/') {
        const done = finish(open, resolve);
        const parent = stack[stack.length - 1];
        if (parent) parent.children.push(done);
        else if (root) throw new XmlSyntaxError('more than one root element', line);
        else root = done;
      } else {
        stack.push(open);
      }
    }
  }
  if (stack.length > 0) throw new XmlSyntaxError(`<${stack[stack.length - 1]?.qname}> is not closed`, line);
  if (!root) throw new XmlSyntaxError('no root element', line);
  return root;
}

function finish(
  open: Open,
  resolve: (q: string, scope: Map<string, string>, isAttr: boolean) => { ns: string; name: string },
): XmlElement {
  const { ns, name } = resolve(open.qname, open.scope, false);
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(open.rawAttrs)) {
    if (k !== 'xmlns' && !k.startsWith('xmlns:')) attrs[k] = v;
  }
  return { ns, name, attrs, children: open.children, text: open.text.trim(), line: open.line };
}

/** Every element under `el` (itself included), depth first, in document order. */
export function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}
