// tunebeam report: draws the charts from the JSON in #report-data with ECharts, and sorts the table.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var charts = {};
  // Exposed for readers who want to poke at the page from the console, and for the browser test.
  window.tunebeamReport = { data: data, charts: charts };

  var objective = data.objective;
  var plotted = data.trials.filter(function (t) { return t.plotted; });
  var byId = {};
  data.trials.forEach(function (t) { byId[t.id] = t; });
  var best = plotted.length ? plotted[0] : null;
  var values = plotted.map(function (t) { return t.objective; });
  var lo = Math.min.apply(null, values), hi = Math.max.apply(null, values);
  // Colour by the objective: dark blue for the best, pale yellow for the worst (viridis ends).
  var RAMP = ['#fde725', '#5ec962', '#21918c', '#3b528b', '#440154'];
  var BASE = { animation: false, textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' } };

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function fmt(v) {
    if (v === null || v === undefined || !isFinite(v)) return '';
    var a = Math.abs(v);
    return a === 0 || (a >= 1e-4 && a < 1e6) ? String(+v.toPrecision(4)) : v.toExponential(3);
  }
  function goodness(t) {
    if (hi === lo) return 1;
    var g = (t.objective - lo) / (hi - lo);
    return objective.maximize ? g : 1 - g;
  }
  function colour(t) {
    if (!t.plotted) return '#8c959f';
    var x = goodness(t) * (RAMP.length - 1), i = Math.min(RAMP.length - 2, Math.floor(x));
    return mix(RAMP[i], RAMP[i + 1], x - i);
  }
  function mix(a, b, f) {
    var out = '#';
    for (var k = 1; k < 7; k += 2) {
      var v = Math.round(parseInt(a.substr(k, 2), 16) * (1 - f) + parseInt(b.substr(k, 2), 16) * f);
      out += (v < 16 ? '0' : '') + v.toString(16);
    }
    return out;
  }
  function tip(t) {
    var lines = ['<b>#' + t.rank + ' ' + esc(t.id) + '</b> (' + esc(t.status.toLowerCase()) + ')'];
    Object.keys(t.params).forEach(function (k) { lines.push(esc(k) + ' = ' + esc(t.params[k])); });
    lines.push(esc(objective.label) + ': ' + fmt(t.objective) + (t.chosenEpoch ? ' (epoch ' + t.chosenEpoch + ')' : ''));
    return lines.join('<br>');
  }
  function init(id) {
    var el = document.getElementById(id);
    // SVG, so the page prints and zooms sharply, and so a test can count what was drawn.
    var chart = echarts.init(el, null, { renderer: 'svg' });
    charts[id.replace('chart-', '')] = chart;
    window.addEventListener('resize', function () { chart.resize(); });
    return chart;
  }
  function empty(id, text) {
    document.getElementById(id).outerHTML = '<p class="muted">' + esc(text) + '</p>';
  }

  function history() {
    if (!plotted.length) return empty('chart-history', 'No trial has a value of the objective yet.');
    var ordered = plotted.slice().sort(function (a, b) { return a.number - b.number; });
    var bestSoFar = null, line = [];
    ordered.forEach(function (t) {
      if (bestSoFar === null || (objective.maximize ? t.objective > bestSoFar : t.objective < bestSoFar)) bestSoFar = t.objective;
      line.push([t.number, bestSoFar]);
    });
    init('chart-history').setOption(Object.assign({}, BASE, {
      tooltip: { trigger: 'item', formatter: function (p) {
        return p.seriesIndex === 0 ? tip(byId[p.data.id]) : 'best so far after trial ' + p.data[0] + ': ' + fmt(p.data[1]);
      } },
      legend: { data: [objective.label, 'best so far'], top: 0 },
      grid: { left: 70, right: 30, top: 40, bottom: 50 },
      xAxis: { type: 'value', name: 'trial number', nameLocation: 'middle', nameGap: 30, minInterval: 1, min: 0, max: data.trials.length + 1 },
      yAxis: { type: 'value', name: objective.label, scale: true, nameTextStyle: { align: 'left' } },
      series: [
        { name: objective.label, type: 'scatter', symbolSize: 10,
          data: ordered.map(function (t) { return { value: [t.number, t.objective], id: t.id, itemStyle: { color: colour(t) } }; }) },
        { name: 'best so far', type: 'line', step: 'end', showSymbol: false, lineStyle: { color: '#cf222e', width: 2 }, itemStyle: { color: '#cf222e' }, data: line }
      ]
    }));
  }

  // Best so far against the model-epochs spent, piece by piece of training (ModelEpochHistory in Java says how).
  function budget() {
    var pieces = data.modelEpochs, valued = pieces.filter(function (s) { return s.value !== null; });
    if (!valued.length) return empty('chart-budget', 'No trial has a value of the objective yet.');
    var total = pieces[pieces.length - 1].spent, bestSoFar = null, line = [];
    valued.forEach(function (s) {
      if (bestSoFar === null || (objective.maximize ? s.value > bestSoFar : s.value < bestSoFar)) bestSoFar = s.value;
      line.push([s.spent, bestSoFar]);
    });
    // The best stays the best until the study's last model-epoch.
    if (line[line.length - 1][0] < total) line.push([total, bestSoFar]);
    function dot(s) {
      var c = colour(byId[s.id]);
      return { value: [s.spent, s.value], id: s.id, epoch: s.epoch, last: s.last, symbol: s.last ? 'circle' : 'emptyCircle',
        itemStyle: s.last ? { color: c } : { color: c, borderWidth: 2 } };
    }
    init('chart-budget').setOption(Object.assign({}, BASE, {
      tooltip: { trigger: 'item', formatter: function (p) {
        if (p.seriesIndex !== 0) return 'best so far after ' + p.data[0] + ' model-epochs: ' + fmt(p.data[1]);
        return tip(byId[p.data.id]) + '<br>' + (p.data.last ? 'result' : 'rung result') + ' at epoch ' + p.data.epoch + ': ' + fmt(p.data.value[1])
          + '<br>after ' + p.data.value[0] + ' model-epochs';
      } },
      legend: { data: [objective.label, 'best so far'], top: 0 },
      grid: { left: 70, right: 30, top: 40, bottom: 50 },
      xAxis: { type: 'value', name: 'model-epochs spent (' + total + ' in all)', nameLocation: 'middle', nameGap: 30, minInterval: 1, min: 0, max: total },
      yAxis: { type: 'value', name: objective.label, scale: true, nameTextStyle: { align: 'left' } },
      series: [
        { name: objective.label, type: 'scatter', symbolSize: 10, z: 3, data: valued.map(dot) },
        { name: 'best so far', type: 'line', step: 'end', showSymbol: false, lineStyle: { color: '#cf222e', width: 2 }, itemStyle: { color: '#cf222e' }, data: line }
      ]
    }));
  }

  function intermediate() {
    var select = document.getElementById('metric-select');
    var withHistory = data.trials.filter(function (t) {
      return data.metrics.some(function (m) { return (t.metrics[m] || []).length > 0; });
    });
    if (!withHistory.length) return empty('chart-intermediate', 'No trial reported a metric per epoch.');
    data.metrics.forEach(function (m) {
      var o = document.createElement('option');
      o.value = m; o.textContent = m;
      select.appendChild(o);
    });
    select.value = data.defaultMetric;
    var chart = init('chart-intermediate');
    function draw() {
      var m = select.value;
      // Worst first, so the best trials are drawn on top.
      var series = withHistory.slice().reverse().map(function (t) {
        var c = colour(t), top = best && t.id === best.id;
        return { name: t.id, type: 'line', symbolSize: 5, z: top ? 4 : 2, emphasis: { focus: 'series' },
          lineStyle: { color: c, width: top ? 3.5 : 1.6 }, itemStyle: { color: c },
          data: (t.metrics[m] || []).map(function (v, i) { return [t.epochs[i], v]; }) };
      });
      // By epoch number, not position: a trainer continued from a checkpoint may report only its new epochs.
      var stopped = withHistory.filter(function (t) { return t.stoppedEpoch > 0; }).map(function (t) {
        return { value: [t.stoppedEpoch, (t.metrics[m] || [])[t.epochs.indexOf(t.stoppedEpoch)]], id: t.id };
      });
      series.push({ name: 'stopped', type: 'scatter', symbol: 'triangle', symbolSize: 13, z: 5, itemStyle: { color: '#cf222e' }, data: stopped });
      chart.setOption(Object.assign({}, BASE, {
        tooltip: { trigger: 'item', formatter: function (p) {
          var t = byId[p.seriesName === 'stopped' ? p.data.id : p.seriesName];
          var v = p.seriesName === 'stopped' ? p.data.value : p.data;
          return tip(t) + '<br>' + esc(m) + ' at epoch ' + v[0] + ': ' + fmt(v[1]) + (p.seriesName === 'stopped' ? '<br><b>stopped here</b>' : '');
        } },
        grid: { left: 70, right: 30, top: 30, bottom: 50 },
        xAxis: { type: 'value', name: 'epoch', nameLocation: 'middle', nameGap: 30, minInterval: 1, min: 1 },
        yAxis: { type: 'value', name: m, scale: true, nameTextStyle: { align: 'left' } },
        series: series
      }), true);
    }
    select.addEventListener('change', draw);
    draw();
  }

  function parallel() {
    if (!plotted.length) return empty('chart-parallel', 'No trial has a value of the objective yet.');
    var params = data.parameters;
    var axes = params.map(function (p, i) {
      var axis = { dim: i, name: p.name, type: p.kind, nameTextStyle: { fontWeight: 'bold' } };
      if (p.kind === 'category') {
        axis.data = p.values;
        axis.axisLabel = { formatter: function (v) { return v.length > 14 ? v.substr(0, 13) + '\u2026' : v; } };
      } else {
        axis.scale = true;
      }
      return axis;
    });
    axes.push({ dim: params.length, name: objective.label, type: 'value', scale: true, nameTextStyle: { fontWeight: 'bold' } });
    var rows = plotted.map(function (t) {
      var row = params.map(function (p) {
        var v = t.params[p.name] === undefined ? '' : t.params[p.name];
        return p.kind === 'category' ? v : Number(v);
      });
      row.push(t.objective);
      return { value: row, id: t.id, lineStyle: { color: colour(t), width: best && t.id === best.id ? 3.5 : 2 } };
    });
    init('chart-parallel').setOption(Object.assign({}, BASE, {
      tooltip: { trigger: 'item', formatter: function (p) { return tip(byId[p.data.id]); } },
      // Room above the axes for their names, so lines never run over the labels.
      parallel: { left: 80, right: 110, top: 60, bottom: 40, parallelAxisDefault: { nameLocation: 'end', nameGap: 18,
        areaSelectStyle: { width: 24, color: 'rgba(66,133,244,0.25)', borderColor: '#4285f4' } } },
      parallelAxis: axes,
      series: [{ name: 'trials', type: 'parallel', smooth: false, inactiveOpacity: 0.06, activeOpacity: 0.95, lineStyle: { opacity: 0.95 }, data: rows }]
    }));
  }

  function importance() {
    if (!data.importance.length) return empty('chart-importance', 'No parameter varies among the trials that have a value.');
    var rows = data.importance.slice().reverse();
    document.getElementById('chart-importance').style.height = Math.max(160, 60 + 42 * rows.length) + 'px';
    init('chart-importance').setOption(Object.assign({}, BASE, {
      tooltip: { trigger: 'item', formatter: function (p) {
        var s = rows[p.dataIndex];
        return esc(s.parameter) + ': ' + (100 * s.normalized).toFixed(1) + '% of the explained variance; ' + (100 * s.share).toFixed(1) + '% of all variance';
      } },
      grid: { left: 140, right: 150, top: 20, bottom: 40 },
      xAxis: { type: 'value', max: 1, axisLabel: { formatter: function (v) { return Math.round(100 * v) + '%'; } } },
      yAxis: { type: 'category', data: rows.map(function (s) { return s.parameter; }) },
      series: [{ type: 'bar', itemStyle: { color: '#3b528b' }, barMaxWidth: 28,
        label: { show: true, position: 'right', formatter: function (p) { var s = rows[p.dataIndex]; return (100 * s.normalized).toFixed(0) + '% (alone ' + (100 * s.share).toFixed(0) + '%)'; } },
        data: rows.map(function (s) { return s.normalized; }) }]
    }));
  }

  // Two objectives: every trial in their plane, the Pareto front (front 1) joined by a line.
  function pareto() {
    var el = document.getElementById('chart-pareto');
    if (!el || !data.objectives || data.objectives.length !== 2) return;
    var ranked = data.trials.filter(function (t) { return t.front > 0; });
    if (!ranked.length) return empty('chart-pareto', 'No trial has a value for both objectives yet.');
    var x = data.objectives[1], y = data.objectives[0];
    function point(t) { return { value: [t.values[1], t.values[0]], id: t.id, front: t.front }; }
    var front = ranked.filter(function (t) { return t.front === 1; }).map(point)
      .sort(function (a, b) { return a.value[0] - b.value[0]; });
    var rest = ranked.filter(function (t) { return t.front > 1; }).map(point);
    init('chart-pareto').setOption(Object.assign({}, BASE, {
      tooltip: { trigger: 'item', formatter: function (p) {
        var t = byId[p.data.id];
        return tip(t) + '<br>' + esc(x.label) + ': ' + fmt(t.values[1]) + '<br>front ' + t.front;
      } },
      legend: { data: ['Pareto front', 'other trials'], top: 0 },
      grid: { left: 70, right: 30, top: 40, bottom: 50 },
      xAxis: { type: 'value', name: x.label, nameLocation: 'middle', nameGap: 30, scale: true },
      yAxis: { type: 'value', name: y.label, scale: true, nameTextStyle: { align: 'left' } },
      series: [
        { name: 'Pareto front', type: 'line', step: false, symbol: 'circle', symbolSize: 11, z: 3,
          lineStyle: { color: '#cf222e', width: 2 }, itemStyle: { color: '#cf222e' }, data: front },
        { name: 'other trials', type: 'scatter', symbolSize: 9,
          itemStyle: { color: '#8c959f', opacity: 0.8 }, data: rest }
      ]
    }));
  }

  function sortableTable() {
    var table = document.getElementById('leaderboard-table');
    if (!table) return;
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      if (!th.classList.contains('sortable')) return;
      th.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var numeric = th.getAttribute('data-type') === 'number';
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].textContent, y = b.cells[col].textContent;
          // Empty cells (failed trials) stay last whichever way the column is sorted.
          if (x === '' || y === '') return (x === '') - (y === '');
          var d = numeric ? Number(x) - Number(y) : x.localeCompare(y);
          return ascending ? d : -d;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  [history, budget, intermediate, parallel, importance, pareto, sortableTable].forEach(function (draw) {
    try { draw(); } catch (e) { if (window.console) console.error('tunebeam report: ' + draw.name + ': ' + e); }
  });
  document.body.setAttribute('data-report', 'drawn');
})();
