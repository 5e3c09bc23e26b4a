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

// The postcards form: rows added as they are filled, Enter to the next row.
const bulkForms = document.querySelectorAll('form[data-bulk-max]')
if (bulkForms.length) {
  import('./engage-bulk.mjs').then(mod => bulkForms.forEach(mod.enhanceBulk))
}
