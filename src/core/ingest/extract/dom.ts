/**
 * The few DOM shapes the extractor uses. linkedom's `parseHTML` is typed against the browser's
 * DOM library, which this Node project does not load, so the extractor names what it reads.
 */

/** Node types the extractor distinguishes. */
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** A node of the parsed page. */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly parentNode: DomNode | null;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
}

/** An element of the parsed page. */
export interface DomElement extends DomNode {
  readonly tagName: string;
  readonly children: ArrayLike<DomElement>;
  readonly parentElement: DomElement | null;
  readonly firstElementChild: DomElement | null;
  readonly nextElementSibling: DomElement | null;
  innerHTML: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  removeAttribute(name: string): void;
  replaceWith(...nodes: Array<DomNode | string>): void;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  remove(): void;
}

/** A parsed page. */
export interface DomDocument {
  readonly documentElement: DomElement | null;
  readonly body: DomElement | null;
  readonly title: string;
  createElement(tagName: string): DomElement;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
}

/** Whether a node is an element. */
export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

/**
 * The children of a node, walked through sibling links: linkedom builds a new array for every
 * `childNodes` read, which costs more than the walk itself.
 */
export function* childrenOf(node: DomNode): Generator<DomNode> {
  for (let child = node.firstChild; child !== null; child = child.nextSibling) yield child;
}

/** How many elements a page has and how deep they nest. */
export interface PageShape {
  readonly elements: number;
  readonly depth: number;
}

/**
 * Counts a page's elements and its deepest nesting, without recursion (a hostile page may nest
 * thousands deep). Stops counting once either figure passes its limit. Cost: one walk.
 */
export function measurePageShape(root: DomElement, maxElements: number, maxDepth: number): PageShape {
  let elements = 0;
  let depth = 0;
  const stack: Array<{ element: DomElement; depth: number }> = [{ element: root, depth: 1 }];
  while (stack.length > 0 && elements <= maxElements && depth <= maxDepth) {
    const entry = stack.pop()!;
    elements += 1;
    depth = Math.max(depth, entry.depth);
    for (let child = entry.element.firstElementChild; child !== null; child = child.nextElementSibling) stack.push({ element: child, depth: entry.depth + 1 });
  }
  return { elements, depth };
}
