// Renders the snapshots the dashboard server pushes as server-sent events (GET events).
// Text goes in with textContent only: event data is never parsed as HTML.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const el = (tag, text, cls) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  };
  const row = (cells) => {
    const tr = el("tr");
    for (const cell of cells) {
      const td = el("td");
      td.append(cell instanceof Node ? cell : document.createTextNode(String(cell)));
      tr.append(td);
    }
    return tr;
  };
  const clock = (unix) => new Date(unix * 1000).toLocaleTimeString();
  const gib = (bytes) => `${(bytes / 2 ** 30).toFixed(2)} GiB`;
  window.dashboard = { snapshots: 0, last: null };

  function progress(job) {
    if (!job.items_total) return `${gib(job.bytes)} since ${clock(job.started)}`;
    const bar = el("progress");
    bar.max = job.items_total;
    bar.value = job.items;
    const span = el("span");
    span.append(bar, ` ${job.items} / ${job.items_total} items`);
    return span;
  }

  function render(s) {
    $("streams").replaceChildren(...s.streams.map((st) => el(
      "div",
      `${st.server}: ${st.connected ? "connected" : "disconnected"}, ` +
        `${st.reconnects} reconnects, ${st.gaps} gaps, ${st.replayed} replayed`,
      st.connected ? "ok" : "bad",
    )));
    $("running-count").textContent = s.running_count;
    $("running").replaceChildren(...s.running.map((j) => row([j.guid, j.user, j.kind, progress(j)])));
    const peak = Math.max(1, ...s.per_minute.map((m) => m.completed + m.failed));
    $("minutes").replaceChildren(...s.per_minute.map((m) => {
      const bar = el("div", undefined, "bar");
      const c = el("div", undefined, "c");
      c.style.height = `${(70 * m.completed) / peak}px`;
      const f = el("div", undefined, "f");
      f.style.height = `${(70 * m.failed) / peak}px`;
      bar.title = `${m.completed} completed, ${m.failed} failed`;
      bar.append(el("small", new Date(m.minute * 1000).toTimeString().slice(0, 5)), c, f);
      return bar;
    }));
    const done = s.per_minute.reduce((n, m) => n + m.completed, 0);
    const failed = s.per_minute.reduce((n, m) => n + m.failed, 0);
    $("totals").textContent = `last ${s.per_minute.length} minutes: ${done} completed, ${failed} failed`;
    $("recent").replaceChildren(...s.recent.map((j) => {
      const status = el("span", j.status, j.failed ? "bad" : "ok");
      if (j.replayed) status.append(" ", el("span", "replayed", "tag"));
      return row([j.guid, j.user, status]);
    }));
    $("gap-count").textContent = s.gap_count;
    $("replayed").textContent = s.replayed;
    $("gaps").replaceChildren(...s.gaps.map((g) => el(
      "li", `${clock(g.since)}: ${g.reason} (${g.seconds} s, ${g.server})`)));
    $("errors").replaceChildren(...s.errors.map((e) => el("li", e)));
  }

  const source = new EventSource("events");
  source.onopen = () => { $("conn").textContent = "live"; $("conn").className = "ok"; };
  source.onerror = () => { $("conn").textContent = "reconnecting\u2026"; $("conn").className = "bad"; };
  source.onmessage = (message) => {
    const snapshot = JSON.parse(message.data);
    render(snapshot);
    window.dashboard.snapshots += 1;
    window.dashboard.last = snapshot;
  };
})();
