// engage-chart.mjs - draws a line chart with uPlot (loaded by engage.mjs as
// the global uPlot) from the table the element names:
//   <div class="engage-chart" data-chart-table="trend-table"></div>
//   <table id="trend-table"> ... <tr data-month="2026-10"><th>October 2026</th><td>12</td>...
// Each numeric column is a line (a header with data-chart-skip is left
// out); each row with data-month is a point.  The table stays on the page:
// the chart only draws what it says.
/* global uPlot */

const COLOURS = ['#0b4f6c', '#d4351c', '#00703c', '#912b88', '#b58840', '#505a5f']

function number (text) {
  return Number(text.replace(/[^0-9.-]/g, '')) || 0
}

export function drawChart (el) {
  const table = document.getElementById(el.dataset.chartTable)
  if (!table) return
  const headers = [...table.querySelectorAll('thead th')]
  const columns = headers.map((th, i) => ({ i, name: th.textContent.trim(), skip: th.hasAttribute('data-chart-skip') }))
    .slice(1).filter(c => !c.skip)
  const rows = [...table.querySelectorAll('tbody tr[data-month]')].reverse()
  if (rows.length < 2) return
  const xs = rows.map(r => {
    const [y, m] = r.dataset.month.split('-').map(Number)
    return Date.UTC(y, m - 1, 1) / 1000
  })
  const data = [xs, ...columns.map(c => rows.map(r => number(r.children[c.i].textContent)))]
  // month names as the table writes them ("Awst 2026" -> "Awst"), in the page's language
  const names = rows.map(r => r.querySelector('th').textContent.trim().split(' ')[0])
  const width = () => Math.max(280, el.clientWidth)
  const chart = new uPlot({
    width: width(),
    height: 260,
    tzDate: ts => uPlot.tzDate(new Date(ts * 1000), 'UTC'),
    scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(4, max)] } },
    legend: { live: false },
    axes: [
      {
        // one tick per month, labelled as often as the width allows
        splits: () => xs,
        values: (u, splits) => {
          const every = Math.ceil(splits.length * 48 / Math.max(1, u.bbox.width / devicePixelRatio))
          return splits.map((s, i) => (splits.length - 1 - i) % every ? '' : names[i])
        }
      },
      { size: 40 }
    ],
    series: [{}, ...columns.map((c, k) => ({
      label: c.name,
      stroke: COLOURS[k % COLOURS.length],
      width: 2,
      points: { show: true, size: 5 }
    }))]
  }, data, el)
  window.addEventListener('resize', () => chart.setSize({ width: width(), height: 260 }))
}
