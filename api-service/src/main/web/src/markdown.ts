// Markdown and code blocks from model replies, rendered safely: marked turns Markdown into HTML, DOMPurify keeps
// only what a reply needs (paragraphs, emphasis, lists, code, quotes, headings, tables, http(s)/mailto links) and
// nothing that could run code or imitate the page: no class, style or id (a reply must not borrow the UI's look),
// no form controls, images or spans. Every remaining link opens in a new tab without access to this page.
import DOMPurify from "dompurify";
import { Marked } from "marked";

const marked = new Marked({ gfm: true, breaks: true, async: false });
const SAFE_URL = /^(https?:|mailto:)/i;

const purifier = DOMPurify(window);
purifier.addHook("afterSanitizeAttributes", (node) => {
  if (node.tagName === "A") {
    const href = node.getAttribute("href") ?? "";
    if (!SAFE_URL.test(href.trim())) node.removeAttribute("href");
    node.setAttribute("target", "_blank");
    node.setAttribute("rel", "noopener noreferrer nofollow");
  }
});

const CONFIG = {
  ALLOWED_TAGS: ["a", "b", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
    "li", "ol", "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul"],
  // align: table column alignment from Markdown; href only on links, checked by the hook above
  ALLOWED_ATTR: ["href", "title", "align"],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  RETURN_DOM_FRAGMENT: true,
} as const;

/** A DOM fragment of the rendered Markdown; nothing in it can run code. */
export function renderMarkdown(text: string): DocumentFragment {
  const html = marked.parse(text) as string;
  return purifier.sanitize(html, CONFIG) as unknown as DocumentFragment;
}
