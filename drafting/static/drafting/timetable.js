// The timetable grid: a button that adds empty rows (without it, three are offered).
const button = document.getElementById("add-row")
const template = document.getElementById("empty-row")
const total = document.querySelector("input[name=slots-TOTAL_FORMS]")
if (button && template && total) {
  button.hidden = false
  button.addEventListener("click", () => {
    const index = Number(total.value)
    const row = template.innerHTML.replaceAll("__prefix__", String(index))
    document.querySelector(".timetable-grid tbody").insertAdjacentHTML("beforeend", row)
    total.value = String(index + 1)
  })
}
