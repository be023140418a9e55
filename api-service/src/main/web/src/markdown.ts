// Markdown and code blocks from model replies, rendered safely: marked turns Markdown into HTML, DOMPurify keeps
// only harmless elements and attributes (no script, no event handlers, no javascript: or data: links), and every
// remaining link opens in a new tab without access to this page.
import DOMPurify from "dompurify";
import { Marked } from "marked";

const marked = new Marked({ gfm: true, breaks: true, async: false });
const SAFE_URL = /^(https?:|mailto:|#|\/(?!\/))/i;

const purifier = DOMPurify(window);
purifier.addHook("afterSanitizeAttributes", (node) => {
  if (node.tagName === "A") {
    const href = node.getAttribute("href") ?? "";
    if (!SAFE_URL.test(href.trim())) node.removeAttribute("href");
    node.setAttribute("target", "_blank");
    node.setAttribute("rel", "noopener noreferrer nofollow");
  }
  if (node.tagName === "IMG") {
    // remote images would let a reply make the browser call any server (and CSP blocks them anyway)
    const src = node.getAttribute("src") ?? "";
    if (!src.startsWith("data:image/")) node.removeAttribute("src");
  }
});

const CONFIG = {
  ALLOWED_TAGS: ["a", "b", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
    "img", "li", "ol", "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul", "span", "input"],
  ALLOWED_ATTR: ["href", "title", "alt", "src", "class", "type", "checked", "disabled", "align"],
  ALLOW_DATA_ATTR: false,
  RETURN_DOM_FRAGMENT: true,
} as const;

/** A DOM fragment of the rendered Markdown; nothing in it can run code. */
export function renderMarkdown(text: string): DocumentFragment {
  const html = marked.parse(text) as string;
  return purifier.sanitize(html, CONFIG) as unknown as DocumentFragment;
}
