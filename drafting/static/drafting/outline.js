// The drafting page without page loads: forms post in the background and the server
// answers with the workspace to show (the outline renumbered, the editor, messages);
// entries move by drag and drop or by keyboard (Alt with an arrow). Without this
// script every form still works, with a page load.
const workspace = document.getElementById("workspace")
const outlineUrl = workspace?.dataset.outlineUrl
const FRAGMENT = { "X-Drafting-Fragment": "1" }

function csrfToken() {
  return workspace.querySelector("input[name=csrfmiddlewaretoken]")?.value ?? ""
}

function selectedItem() {
  return workspace.querySelector(".outline__entry.is-selected")?.dataset.item ?? ""
}

// The address follows what is shown: the page asked for (a GET), else the page as it
// was, with the entry now chosen.
function replace(html, focusItem, shownUrl) {
  workspace.innerHTML = html
  workspace.dispatchEvent(new CustomEvent("drafting:replaced", { bubbles: true }))
  const item = selectedItem()
  const url = new URL(shownUrl ?? window.location)
  if (item) url.searchParams.set("item", item)
  else url.searchParams.delete("item")
  window.history.replaceState(null, "", url)
  const entry = focusItem && workspace.querySelector(`.outline__entry[data-item="${focusItem}"]`)
  if (entry) {
    entry.tabIndex = 0
    entry.focus()
  }
}

async function send(url, body, focusItem) {
  workspace.setAttribute("aria-busy", "true")
  try {
    const response = await fetch(url, {
      method: body ? "POST" : "GET",
      body,
      headers: { ...FRAGMENT, ...(body ? { "X-CSRFToken": csrfToken() } : {}) },
      credentials: "same-origin",
    })
    if (response.redirected || !response.ok) {
      window.location.assign(response.url)
      return
    }
    replace(await response.text(), focusItem, body ? null : url)
  } finally {
    workspace.removeAttribute("aria-busy")
  }
}

function outlineAction(action, item, extra = {}) {
  if (workspace.hasAttribute("aria-busy")) return Promise.resolve()
  const body = new FormData()
  body.set("csrfmiddlewaretoken", csrfToken())
  body.set("action", action)
  body.set("item", item)
  for (const [key, value] of Object.entries(extra)) body.set(key, value)
  return send(outlineUrl, body, item)
}

// Forms: posted in the background, one at a time (a double click adds one entry, not
// two); a remove asks first.
workspace?.addEventListener("submit", (event) => {
  const form = event.target
  if (form.getAttribute("method")?.toLowerCase() !== "post") return
  if (workspace.hasAttribute("aria-busy")) {
    event.preventDefault()
    return
  }
  const button = event.submitter
  if (button?.dataset.confirm && !window.confirm(button.dataset.confirm)) {
    event.preventDefault()
    return
  }
  event.preventDefault()
  const body = new FormData(form, button)
  // getAttribute: a field named "action" would shadow form.action.
  send(form.getAttribute("action"), body, body.get("item") || selectedItem())
})

// Choosing an entry opens it in the editor, without a page load.
workspace?.addEventListener("click", (event) => {
  const link = event.target.closest(".outline__title")
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return
  event.preventDefault()
  const item = link.closest(".outline__entry").dataset.item
  const url = new URL(window.location)
  url.searchParams.set("item", item)
  send(url, null, item)
})

// The keyboard: arrows move between entries, Enter opens one, Alt with an arrow moves it.
const MOVES = { ArrowUp: "up", ArrowDown: "down", ArrowRight: "indent", ArrowLeft: "outdent" }
workspace?.addEventListener("keydown", (event) => {
  const entry = event.target.closest?.(".outline__entry")
  if (!entry || event.target !== entry) return
  if (event.altKey && MOVES[event.key] && workspace.dataset.structure !== "false") {
    event.preventDefault()
    outlineAction(MOVES[event.key], entry.dataset.item)
    return
  }
  const entries = [...workspace.querySelectorAll(".outline__entry")]
  const index = entries.indexOf(entry)
  let next = null
  if (event.key === "ArrowDown") next = entries[index + 1]
  if (event.key === "ArrowUp") next = entries[index - 1]
  if (next) {
    event.preventDefault()
    entry.tabIndex = -1
    next.tabIndex = 0
    next.focus()
  } else if (event.key === "Enter") {
    event.preventDefault()
    entry.querySelector(".outline__title").click()
  }
})

// Drag and drop: before an entry (upper part), after it (lower part), or under it
// (the middle, as its last sub-entry).
let dragged = null

function dropPlace(entry, event) {
  const box = entry.getBoundingClientRect()
  const y = (event.clientY - box.top) / box.height
  return y < 0.3 ? "before" : y > 0.7 ? "after" : "inside"
}

function siblingIndex(entry) {
  const parent = entry.dataset.parent
  return [...workspace.querySelectorAll(".outline__entry")]
    .filter((other) => other.dataset.parent === parent)
    .indexOf(entry)
}

workspace?.addEventListener("dragstart", (event) => {
  const entry = event.target.closest?.(".outline__entry")
  if (!entry) return
  dragged = entry
  event.dataTransfer.effectAllowed = "move"
  event.dataTransfer.setData("text/plain", entry.dataset.item)
  entry.classList.add("is-dragged")
})

workspace?.addEventListener("dragover", (event) => {
  const entry = event.target.closest?.(".outline__entry")
  if (!dragged || !entry || entry === dragged) return
  event.preventDefault()
  for (const marked of workspace.querySelectorAll("[data-drop]")) marked.removeAttribute("data-drop")
  entry.dataset.drop = dropPlace(entry, event)
})

workspace?.addEventListener("dragend", () => {
  dragged?.classList.remove("is-dragged")
  dragged = null
  for (const marked of workspace.querySelectorAll("[data-drop]")) marked.removeAttribute("data-drop")
})

workspace?.addEventListener("drop", (event) => {
  const entry = event.target.closest?.(".outline__entry")
  if (!dragged || !entry || entry === dragged) return
  event.preventDefault()
  const place = dropPlace(entry, event)
  const item = dragged.dataset.item
  let parent = entry.dataset.parent
  let index = siblingIndex(entry)
  if (place === "inside") {
    parent = entry.dataset.item
    index = 1_000_000
  } else if (place === "after") {
    index += 1
  }
  // Moving down within one level: the entry's own place closes up first.
  if (place !== "inside" && dragged.dataset.parent === parent && siblingIndex(dragged) < index) {
    index -= 1
  }
  outlineAction("place", item, { parent, index })
})

// Choosing the languages to work in redraws the workspace, without a page load.
document.querySelector(".drafting-languages")?.addEventListener("submit", (event) => {
  event.preventDefault()
  const url = new URL(window.location)
  url.searchParams.delete("languages")
  for (const [key, value] of new FormData(event.target)) {
    if (key === "languages") url.searchParams.append(key, value)
  }
  const item = selectedItem()
  if (item) url.searchParams.set("item", item)
  send(url, null, null)
})
