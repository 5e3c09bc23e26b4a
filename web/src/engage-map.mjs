// engage-map.mjs - draws a neighbourhood's map with Leaflet (loaded by
// engage.mjs as the global L) from Engage's own GeoJSON:
//   <div class="engage-map" data-map-geojson="/neighbourhoods/F/ID/map.geojson"
//        data-point-label="On or near {1}: {2} crimes and ASB"></div>
// The boundary is drawn as an outline and each anonymous map point as a
// circle sized by how many crimes and ASB it holds.  There is no tile
// layer: nothing is fetched from another server.  The table of the same
// figures is always on the page beside the map.
/* global L */

// The tooltip as an element holding text: Leaflet would read a string as
// HTML, and street names come from imported files.  A replacer function,
// so "$&" in a name is not a replacement pattern.
function label (template, location, count) {
  const span = document.createElement('span')
  span.textContent = template.replace('{1}', () => String(location)).replace('{2}', () => String(count))
  return span
}

export async function drawMap (el) {
  const res = await fetch(el.dataset.mapGeojson, { headers: { Accept: 'application/geo+json' } })
  if (!res.ok) return
  const data = await res.json()
  const template = el.dataset.pointLabel || '{1}: {2}'
  const map = L.map(el, {
    attributionControl: false,
    scrollWheelZoom: false,
    zoomSnap: 0.25
  })
  const boundary = L.geoJSON(data.features.filter(f => f.properties.kind === 'boundary' && f.geometry), {
    style: { color: '#0b4f6c', weight: 3, fillColor: '#0b4f6c', fillOpacity: 0.06 },
    interactive: false
  }).addTo(map)
  // the view first: Leaflet places circles in the map's pixel space
  const bounds = boundary.getBounds()
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [10, 10] })
  else map.setView([52.35, -4.45], 13)
  for (const f of data.features) {
    if (f.properties.kind !== 'crimes') continue
    const [lng, lat] = f.geometry.coordinates
    const n = f.properties.count
    L.circleMarker([lat, lng], {
      radius: 4 + Math.sqrt(n) * 3,
      color: '#942514',
      weight: 1,
      fillColor: '#d4351c',
      fillOpacity: 0.6
    }).bindTooltip(label(template, f.properties.location, n)).addTo(map)
  }
  el.classList.add('engage-map--drawn')
}
