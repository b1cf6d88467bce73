// Rich text for annotations and footnotes: django-prose-editor's editor, started here
// rather than by its own preset, which needs an inline import map (our
// Content-Security-Policy allows no inline script). It offers what the public page
// keeps (agendas/html.py): paragraphs, emphasis, lists, links, superscript, subscript.
import {
  Bold,
  BulletList,
  createTextareaEditor,
  Document,
  Dropcursor,
  Gapcursor,
  HardBreak,
  History,
  Italic,
  Link,
  ListItem,
  Menu,
  OrderedList,
  Paragraph,
  Subscript,
  Superscript,
  Text,
} from "../django_prose_editor/editor.js"

const SELECTOR = "textarea[data-rich-text]"

const EXTENSIONS = [
  Document,
  Paragraph,
  Text,
  HardBreak,
  Dropcursor,
  Gapcursor,
  History,
  Menu,
  Bold,
  Italic,
  BulletList,
  OrderedList,
  ListItem,
  Link,
  Superscript,
  Subscript,
]

// The editable area is named as its textarea was: "Annotation – English".
function accessibleName(textarea) {
  const legend = textarea.closest("fieldset")?.querySelector("legend")?.textContent
  const label = textarea.id && document.querySelector(`label[for="${textarea.id}"]`)?.textContent
  return [legend, label?.replace(/:\s*$/, "")].filter(Boolean).join(" – ")
}

export function startEditors(root = document) {
  for (const textarea of root.querySelectorAll(SELECTOR)) {
    if (!textarea.closest(".prose-editor")) {
      const name = accessibleName(textarea)
      createTextareaEditor(textarea, EXTENSIONS)
      const editable = textarea.closest(".prose-editor")?.querySelector("[contenteditable]")
      if (editable && name) editable.setAttribute("aria-label", name)
    }
  }
}

startEditors()
// The drafting page replaces its workspace after each save: start the new editors.
document.addEventListener("drafting:replaced", (event) => startEditors(event.target))
