// engage-bulk.mjs - the postcards form (a <form data-bulk-max>), enhanced:
// when the last row gets something typed in it, a new empty row appears
// below (up to data-bulk-max rows), so the person never runs out of rows;
// and Enter in a one-line field or a list moves to the next row's first
// field (without JavaScript, Enter does nothing: the form's first submit
// button is a disabled one).  The rows stay plain form fields, named
// text-N, category-N, ..., so the server reads them as it always does.

const FIELDS = 'textarea, input, select'

function filled (row) {
  return [...row.querySelectorAll(FIELDS)].some(el => el.value.trim() !== '')
}

// Point a copied row's ids, names and labels at row n.
function renumber (row, n) {
  row.dataset.bulkRow = String(n)
  const legend = row.querySelector('legend')
  if (legend) legend.textContent = legend.textContent.replace(/\d+/, String(n))
  for (const attr of ['id', 'name', 'for']) {
    row.querySelectorAll(`[${attr}]`).forEach(el => {
      el.setAttribute(attr, el.getAttribute(attr).replace(/^([a-z]+)-\d+/, `$1-${n}`))
    })
  }
}

// A copy of `row`, emptied of values and of any error it showed.
function emptyCopy (row) {
  const copy = row.cloneNode(true)
  copy.querySelectorAll('textarea, input').forEach(el => { el.value = '' })
  copy.querySelectorAll('select').forEach(el => { el.selectedIndex = 0 })
  copy.querySelectorAll('.govuk-error-message').forEach(el => el.remove())
  copy.querySelectorAll('.govuk-form-group--error').forEach(el => el.classList.remove('govuk-form-group--error'))
  copy.querySelectorAll('.govuk-input--error, .govuk-select--error, .govuk-textarea--error').forEach(el => {
    el.classList.remove('govuk-input--error', 'govuk-select--error', 'govuk-textarea--error')
  })
  copy.querySelectorAll('[aria-describedby]').forEach(el => el.removeAttribute('aria-describedby'))
  return copy
}

export function enhanceBulk (form) {
  const rows = form.querySelector('.engage-bulk__rows')
  const max = Number(form.dataset.bulkMax) || 100
  if (!rows) return

  function addRow () {
    const all = rows.querySelectorAll('.engage-bulk__row')
    if (!all.length || all.length >= max) return null
    const copy = emptyCopy(all[all.length - 1])
    renumber(copy, all.length + 1)
    rows.appendChild(copy)
    return copy
  }

  function grow (e) {
    const row = e.target.closest('.engage-bulk__row')
    if (row && row === rows.lastElementChild && filled(row)) addRow()
  }
  if (rows.lastElementChild && filled(rows.lastElementChild)) addRow()
  rows.addEventListener('input', grow)
  rows.addEventListener('change', grow)

  form.addEventListener('keydown', e => {
    if (e.key !== 'Enter' || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return
    const t = e.target
    if (t.tagName === 'TEXTAREA' || t.tagName === 'BUTTON' || t.type === 'radio' || t.type === 'checkbox') return
    const row = t.closest('.engage-bulk__row')
    e.preventDefault()
    if (!row) return
    const next = row.nextElementSibling || addRow()
    const first = next && next.querySelector(FIELDS)
    if (first) first.focus()
  })
}
