// Summarises a V8 heap snapshot (.heapsnapshot, e.g. from `scripts/bench/lsp.mjs --snapshot FILE`):
// retained sizes from the dominator tree, the largest retainers with the path that holds them from
// the GC roots, and self and retained size totals by constructor. Weak edges do not retain.
//
//   node --max-old-space-size=6000 scripts/bench/heap-summary.mjs FILE [top=30]
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
const TOP = Number(topArg ?? 30);
const snap = JSON.parse(readFileSync(file, 'utf8'));
const meta = snap.snapshot.meta;
const NF = meta.node_fields.length;
const EF = meta.edge_fields.length;
const nTypeOff = meta.node_fields.indexOf('type');
const nNameOff = meta.node_fields.indexOf('name');
const nSizeOff = meta.node_fields.indexOf('self_size');
const nEdgesOff = meta.node_fields.indexOf('edge_count');
const eTypeOff = meta.edge_fields.indexOf('type');
const eNameOff = meta.edge_fields.indexOf('name_or_index');
const eToOff = meta.edge_fields.indexOf('to_node');
const nodeTypes = meta.node_types[0];
const edgeTypes = meta.edge_types[0];
const { nodes, edges, strings } = snap;
const N = nodes.length / NF;

const firstEdge = new Uint32Array(N + 1);
for (let i = 0, e = 0; i < N; i++) {
  firstEdge[i] = e;
  e += nodes[i * NF + nEdgesOff] * EF;
}
firstEdge[N] = edges.length;
const WEAK = edgeTypes.indexOf('weak');
const SHORTCUT = edgeTypes.indexOf('shortcut');
const retaining = (e) => {
  const type = edges[e + eTypeOff];
  return type !== WEAK && type !== SHORTCUT;
};
const target = (e) => edges[e + eToOff] / NF;
const typeOf = (i) => nodeTypes[nodes[i * NF + nTypeOff]];
const nameOf = (i) => {
  const type = typeOf(i);
  const name = strings[nodes[i * NF + nNameOff]];
  if (type === 'string' || type === 'concatenated string' || type === 'sliced string') return `(${type})`;
  if (type === 'array') return `(array) ${name}`;
  if (type === 'code' || type === 'hidden' || type === 'synthetic') return `(${type}) ${name}`.slice(0, 60);
  return name;
};
const edgeName = (e) => {
  const type = edgeTypes[edges[e + eTypeOff]];
  const n = edges[e + eNameOff];
  return type === 'element' || type === 'hidden' ? `[${n}]` : String(strings[n]);
};

// Depth-first post-order from the root (node 0), then the iterative dominator algorithm of
// Cooper, Harvey and Kennedy over reverse post-order.
const order = new Int32Array(N).fill(-1); // post-order number
const post = new Uint32Array(N);
let count = 0;
{
  const stack = new Uint32Array(N);
  const cursor = new Uint32Array(N);
  const visited = new Uint8Array(N);
  let sp = 0;
  stack[sp++] = 0;
  visited[0] = 1;
  cursor[0] = firstEdge[0];
  while (sp > 0) {
    const v = stack[sp - 1];
    let pushed = false;
    while (cursor[v] < firstEdge[v + 1]) {
      const e = cursor[v];
      cursor[v] += EF;
      if (!retaining(e)) continue;
      const w = target(e);
      if (visited[w]) continue;
      visited[w] = 1;
      cursor[w] = firstEdge[w];
      stack[sp++] = w;
      pushed = true;
      break;
    }
    if (!pushed) {
      sp--;
      order[v] = count;
      post[count++] = v;
    }
  }
}
// Predecessors (retaining edges between reachable nodes), in CSR form.
const predCount = new Uint32Array(N + 1);
for (let v = 0; v < N; v++) {
  if (order[v] < 0) continue;
  for (let e = firstEdge[v]; e < firstEdge[v + 1]; e += EF) if (retaining(e) && order[target(e)] >= 0) predCount[target(e) + 1]++;
}
for (let i = 0; i < N; i++) predCount[i + 1] += predCount[i];
const preds = new Uint32Array(predCount[N]);
{
  const fill = predCount.slice(0, N);
  for (let v = 0; v < N; v++) {
    if (order[v] < 0) continue;
    for (let e = firstEdge[v]; e < firstEdge[v + 1]; e += EF) if (retaining(e) && order[target(e)] >= 0) preds[fill[target(e)]++] = v;
  }
}
const idom = new Int32Array(N).fill(-1);
idom[0] = 0;
const intersect = (a, b) => {
  while (a !== b) {
    while (order[a] < order[b]) a = idom[a];
    while (order[b] < order[a]) b = idom[b];
  }
  return a;
};
for (let changed = true, pass = 0; changed; pass++) {
  changed = false;
  for (let k = count - 2; k >= 0; k--) {
    const v = post[k];
    let dom = -1;
    for (let p = predCount[v]; p < predCount[v + 1]; p++) {
      const u = preds[p];
      if (idom[u] < 0) continue;
      dom = dom < 0 ? u : intersect(u, dom);
    }
    if (dom >= 0 && idom[v] !== dom) {
      idom[v] = dom;
      changed = true;
    }
  }
}
const retained = new Float64Array(N);
for (let k = 0; k < count; k++) {
  const v = post[k];
  retained[v] += nodes[v * NF + nSizeOff];
  if (v !== 0) retained[idom[v]] += retained[v];
}

// A shortest retaining path from the root, for the listed nodes.
const parentEdge = new Int32Array(N).fill(-1);
const parent = new Int32Array(N).fill(-1);
{
  const queue = new Uint32Array(N);
  let head = 0;
  let tail = 0;
  queue[tail++] = 0;
  parent[0] = 0;
  while (head < tail) {
    const v = queue[head++];
    for (let e = firstEdge[v]; e < firstEdge[v + 1]; e += EF) {
      if (!retaining(e)) continue;
      const w = target(e);
      if (parent[w] >= 0) continue;
      parent[w] = v;
      parentEdge[w] = e;
      queue[tail++] = w;
    }
  }
}
const pathOf = (v) => {
  const parts = [];
  for (let x = v, guard = 0; x !== 0 && parent[x] >= 0 && guard < 25; x = parent[x], guard++) {
    parts.push(`${nameOf(parent[x])}.${edgeName(parentEdge[x])}`);
  }
  return parts.reverse().slice(-8).join(' → ');
};

const mb = (b) => (b / 1048576).toFixed(2);
let total = 0;
for (let v = 0; v < N; v++) if (order[v] >= 0) total += nodes[v * NF + nSizeOff];
console.log(`${file}: ${N} nodes, ${count} reachable, ${mb(total)} MB reachable self size`);

// The largest retainers that are not just the single child of a larger one listed already.
const candidates = [];
for (let v = 1; v < N; v++) {
  if (order[v] < 0 || retained[v] < 256 * 1024) continue;
  const t = typeOf(v);
  if (t === 'synthetic') continue;
  candidates.push(v);
}
candidates.sort((a, b) => retained[b] - retained[a]);
console.log(`\nlargest retainers (retained MB, self MB, constructor, path from the roots):`);
let shown = 0;
for (const v of candidates) {
  // Skip a node that retains nearly all of what its dominator retains (the same memory twice).
  const d = idom[v];
  if (d !== 0 && typeOf(d) !== 'synthetic' && retained[v] > 0.9 * retained[d] && retained[d] >= 256 * 1024) continue;
  console.log(`${mb(retained[v]).padStart(8)} ${mb(nodes[v * NF + nSizeOff]).padStart(7)}  ${nameOf(v)}  ← ${pathOf(v)}`);
  if (++shown >= TOP) break;
}

// By constructor: self size, and the retained size of the outermost instances (an instance
// dominated by another of the same constructor is not counted twice).
const byName = new Map();
for (let v = 1; v < N; v++) {
  if (order[v] < 0) continue;
  const name = nameOf(v);
  let row = byName.get(name);
  if (!row) byName.set(name, (row = { count: 0, self: 0, retained: 0 }));
  row.count++;
  row.self += nodes[v * NF + nSizeOff];
  let nested = false;
  for (let x = idom[v], guard = 0; x !== 0 && guard < 64; x = idom[x], guard++) {
    if (nameOf(x) === name) {
      nested = true;
      break;
    }
  }
  if (!nested) row.retained += retained[v];
}
const rows = [...byName].sort((a, b) => b[1].self - a[1].self).slice(0, TOP);
console.log(`\nby constructor, self size (count, self MB, outermost retained MB):`);
for (const [name, row] of rows) console.log(`${String(row.count).padStart(9)} ${mb(row.self).padStart(8)} ${mb(row.retained).padStart(8)}  ${name.slice(0, 80)}`);

// The dominator tree below the largest retainers: children grouped by (edge from the dominator,
// constructor), expanded while they retain at least 2% of the reachable size.
const children = new Map();
for (let v = 1; v < N; v++) {
  if (order[v] < 0) continue;
  const d = idom[v];
  let list = children.get(d);
  if (!list) children.set(d, (list = []));
  list.push(v);
}
const edgeTo = (from, to) => {
  for (let e = firstEdge[from]; e < firstEdge[from + 1]; e += EF) if (target(e) === to && retaining(e)) return edgeName(e);
  return '~';
};
const threshold = total * Number(process.env.HEAP_TREE_SHARE ?? 0.02);
console.log(`\ndominator tree (retained MB; children grouped by edge name and constructor, [n] = elements):`);
function expand(v, depth) {
  const groups = new Map();
  for (const c of children.get(v) ?? []) {
    let edge = edgeTo(v, c);
    if (/^\[\d+\]$/.test(edge)) edge = '[n]';
    const key = `${edge} ${nameOf(c)}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { nodes: [], size: 0 }));
    g.nodes.push(c);
    g.size += retained[c];
  }
  const sorted = [...groups].sort((a, b) => b[1].size - a[1].size);
  for (const [key, g] of sorted) {
    if (g.size < threshold) break;
    console.log(`${'  '.repeat(depth)}${mb(g.size).padStart(8)}  ${key}${g.nodes.length > 1 ? ` ×${g.nodes.length}` : ''}`);
    if (depth < 9) {
      if (g.nodes.length === 1) expand(g.nodes[0], depth + 1);
      else {
        // The largest member stands for the group.
        const largest = g.nodes.reduce((a, b) => (retained[a] >= retained[b] ? a : b));
        console.log(`${'  '.repeat(depth + 1)}(largest member: ${mb(retained[largest])} MB)`);
        expand(largest, depth + 2);
      }
    }
  }
}
expand(0, 0);
