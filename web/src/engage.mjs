// Engage's progressive enhancement.  Every page works without this file;
// where JavaScript runs it starts govuk-frontend's components and draws what
// a page asks for with data- attributes:
//   <div class="engage-map" data-map-geojson="/path.geojson"></div>
//   <div class="engage-chart" data-chart-table="table-id"></div>
// Nothing here fetches from another site (the CSP forbids it anyway).
import { initAll } from './govuk-frontend.min.js'

document.body.classList.add('js-enabled')
if ('noModule' in HTMLScriptElement.prototype) {
  document.body.classList.add('govuk-frontend-supported')
}
initAll()

function loadScript (src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script')
    s.src = src
    s.onload = resolve
    s.onerror = reject
    document.head.appendChild(s)
  })
}

function loadStyle (href) {
  const l = document.createElement('link')
  l.rel = 'stylesheet'
  l.href = href
  document.head.appendChild(l)
}

// Load a library and the module that uses it, then enhance each element.
function enhance (selector, library, css, module, fn) {
  const els = document.querySelectorAll(selector)
  if (!els.length) return
  loadStyle(css)
  loadScript(library).then(async () => {
    const mod = await import(module)
    els.forEach(mod[fn])
  })
}

enhance('[data-map-geojson]', '/assets/leaflet.js', '/assets/leaflet.css', './engage-map.mjs', 'drawMap')
enhance('[data-chart-table]', '/assets/uplot.js', '/assets/uplot.css', './engage-chart.mjs', 'drawChart')

// Questions revealed by a choice: <div data-reveal-when="NAME=VALUE"> shows
// while the radio NAME=VALUE is chosen (with JavaScript off it always
// shows).  govuk-frontend's own conditional reveal puts aria-expanded on
// the radio, which ARIA does not allow there (govuk-frontend#979), and does
// so for any radio with aria-controls, so none is set here; the revealed
// questions follow the radio, so they are met in reading order.
document.querySelectorAll('[data-reveal-when]').forEach(el => {
  const [name, value] = el.dataset.revealWhen.split('=')
  const radios = document.querySelectorAll(`input[type="radio"][name="${CSS.escape(name)}"]`)
  const sync = () => {
    const chosen = [...radios].some(r => r.checked && r.value === value)
    el.classList.toggle('govuk-radios__conditional--hidden', !chosen)
  }
  radios.forEach(r => r.addEventListener('change', sync))
  window.addEventListener('pageshow', sync)
  sync()
})

// "Use my location" on /find: shown only where the browser can tell where
// it is; fills the form's lat and lng from navigator.geolocation.
document.querySelectorAll('[data-geolocate]').forEach(box => {
  if (!('geolocation' in navigator)) return
  const form = box.querySelector('form')
  const error = box.querySelector('[data-geolocate-error]')
  box.hidden = false
  form.addEventListener('submit', e => {
    e.preventDefault()
    error.hidden = true
    navigator.geolocation.getCurrentPosition(pos => {
      form.elements.lat.value = pos.coords.latitude.toFixed(6)
      form.elements.lng.value = pos.coords.longitude.toFixed(6)
      form.submit()
    }, () => { error.hidden = false }, { timeout: 10000, maximumAge: 60000 })
  })
})

// The postcards form: rows added as they are filled, Enter to the next row.
const bulkForms = document.querySelectorAll('form[data-bulk-max]')
if (bulkForms.length) {
  import('./engage-bulk.mjs').then(mod => bulkForms.forEach(mod.enhanceBulk))
}
