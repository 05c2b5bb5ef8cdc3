import { NS } from './namespaces.js';
import {
  attributesOf,
  childrenOf,
  decodeEntities,
  parseXml,
  tagOf,
  type XmlNode,
  XmpSyntaxError,
} from './xml.js';

/**
 * An XMP value: simple text, a struct (expanded property name → value) or an array (rdf:Bag/Seq/Alt).
 * Property names are expanded to namespace URI + local name, whatever prefix the file used.
 */
export type XmpValue = string | XmpStruct | XmpValue[];
export type XmpStruct = Map<string, XmpValue>;

type Scope = ReadonlyMap<string, string>;

const RDF = (local: string) => `${NS.rdf}${local}`;
const CONTAINERS = new Set([RDF('Bag'), RDF('Seq'), RDF('Alt')]);
/** rdf: attributes that are syntax, not properties. */
const SYNTAX = new Set(['about', 'ID', 'nodeID', 'parseType', 'resource', 'datatype'].map(RDF));

/** Namespace declarations of an element added to its parent's scope. */
function scopeOf(node: XmlNode, parent: Scope): Scope {
  let scope: Map<string, string> | null = null;
  for (const [name, value] of Object.entries(attributesOf(node))) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
    scope ??= new Map(parent);
    scope.set(name === 'xmlns' ? '' : name.slice(6), decodeEntities(value));
  }
  return scope ?? parent;
}

/** "prefix:local" → namespace URI + local; names with an undeclared prefix keep the prefix (never match). */
function expand(name: string, scope: Scope): string {
  const colon = name.indexOf(':');
  const prefix = colon < 0 ? '' : name.slice(0, colon);
  const uri = scope.get(prefix);
  return uri === undefined ? name : `${uri}${name.slice(colon + 1)}`;
}

interface Element {
  name: string;
  node: XmlNode;
  tag: string;
  scope: Scope;
}

function elementsIn(node: XmlNode, tag: string, scope: Scope): Element[] {
  const out: Element[] = [];
  for (const child of childrenOf(node, tag)) {
    const childTag = tagOf(child);
    if (!childTag) continue;
    const childScope = scopeOf(child, scope);
    out.push({ name: expand(childTag, childScope), node: child, tag: childTag, scope: childScope });
  }
  return out;
}

function textIn(el: Element): string {
  return decodeEntities(
    childrenOf(el.node, el.tag)
      .map((c) => (typeof c['#text'] === 'string' ? c['#text'] : ''))
      .join(''),
  ).trim();
}

/** Attributes that are properties (not namespace declarations, rdf syntax or xml:lang). */
function propertyAttributes(el: Element): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, value] of Object.entries(attributesOf(el.node))) {
    if (name === 'xmlns' || name.startsWith('xmlns:') || name.startsWith('xml:')) continue;
    const expanded = expand(name, el.scope);
    if (SYNTAX.has(expanded)) continue;
    out.push([expanded, decodeEntities(value)]);
  }
  return out;
}

/** A resource: its attribute properties and child property elements, as one struct. */
function resource(el: Element, into: XmpStruct = new Map()): XmpStruct {
  for (const [name, value] of propertyAttributes(el)) into.set(name, value);
  for (const child of elementsIn(el.node, el.tag, el.scope)) into.set(child.name, property(child));
  return into;
}

function property(el: Element): XmpValue {
  const attrs = attributesOf(el.node);
  const parseType = Object.entries(attrs).find(([name]) => expand(name, el.scope) === RDF('parseType'));
  if (parseType?.[1] === 'Resource') return resource(el);
  const resourceAttr = Object.entries(attrs).find(([name]) => expand(name, el.scope) === RDF('resource'));
  if (resourceAttr) return decodeEntities(resourceAttr[1]);
  const children = elementsIn(el.node, el.tag, el.scope);
  const first = children[0];
  if (first && CONTAINERS.has(first.name)) {
    return elementsIn(first.node, first.tag, first.scope)
      .filter((li) => li.name === RDF('li'))
      .map(property);
  }
  if (first && first.name === RDF('Description')) {
    const struct = new Map<string, XmpValue>();
    for (const description of children) resource(description, struct);
    for (const [name, value] of propertyAttributes(el)) struct.set(name, value);
    return struct;
  }
  // Shorthand struct (`<mwg-rs:Area stArea:x="…"/>`), or a struct written without rdf:parseType.
  if (children.length > 0 || propertyAttributes(el).length > 0) return resource(el);
  return textIn(el);
}

function findRdf(nodes: XmlNode[], scope: Scope): Element | null {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (!tag) continue;
    const nodeScope = scopeOf(node, scope);
    if (expand(tag, nodeScope) === RDF('RDF')) return { name: RDF('RDF'), node, tag, scope: nodeScope };
    const found = findRdf(childrenOf(node, tag), nodeScope);
    if (found) return found;
  }
  return null;
}

/**
 * Parses an XMP packet (or sidecar) into its top-level properties: every rdf:Description under
 * rdf:RDF merged into one struct. Throws XmpSyntaxError for XML that is not well-formed or lacks rdf:RDF.
 */
export function parseXmp(text: string): XmpStruct {
  const nodes = parseXml(text);
  const rdf = findRdf(nodes, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]));
  if (!rdf) throw new XmpSyntaxError('no rdf:RDF element: not an XMP packet');
  const top: XmpStruct = new Map();
  for (const description of elementsIn(rdf.node, rdf.tag, rdf.scope)) resource(description, top);
  return top;
}

/** The text of a simple value (a struct's rdf:value, an Alt's first item), else undefined. */
export function textOf(value: XmpValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return textOf(value[0]);
  if (value instanceof Map) return textOf(value.get(RDF('value')));
  return undefined;
}

export const structOf = (value: XmpValue | undefined): XmpStruct | undefined =>
  value instanceof Map ? value : undefined;

/** The items of an array value; a single value counts as one item, nothing as none. */
export function itemsOf(value: XmpValue | undefined): XmpValue[] {
  if (value === undefined || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Removes the top-level properties named (expanded names) from every rdf:Description of a parsed XML
 * tree, in place, and returns the rdf:RDF node's children list (to append to), or null without rdf:RDF.
 */
export function removeTopProperties(nodes: XmlNode[], names: ReadonlySet<string>): XmlNode[] | null {
  const rdf = findRdf(nodes, new Map());
  if (!rdf) return null;
  const emptied = new Set<XmlNode>();
  for (const description of elementsIn(rdf.node, rdf.tag, rdf.scope)) {
    const children = childrenOf(description.node, description.tag);
    const kept = children.filter((child) => {
      const tag = tagOf(child);
      return !tag || !names.has(expand(tag, scopeOf(child, description.scope)));
    });
    if (kept.length === children.length) continue;
    description.node[description.tag] = kept;
    const left = kept.some((child) => tagOf(child) !== null) || propertyAttributes(description).length > 0;
    if (!left) emptied.add(description.node);
  }
  // A description left with nothing (typically the one Kindred wrote last time) goes, so exports repeat exactly.
  const rdfChildren = childrenOf(rdf.node, rdf.tag).filter((node) => !emptied.has(node));
  rdf.node[rdf.tag] = rdfChildren;
  return rdfChildren;
}
