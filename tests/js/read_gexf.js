// An independent GEXF reader for the tests: parse FILE with graphology-gexf
// and print what it read as JSON (node and edge counts, attributes of all).
const fs = require("fs");
const {MultiDirectedGraph} = require("graphology");
const gexf = require("graphology-gexf");

const graph = gexf.parse(MultiDirectedGraph, fs.readFileSync(process.argv[2], "utf-8"));
const nodes = {};
graph.forEachNode((key, attributes) => { nodes[key] = attributes; });
const edges = [];
graph.forEachEdge((key, attributes, source, target) => { edges.push({source, target, attributes}); });
process.stdout.write(JSON.stringify({order: graph.order, size: graph.size, nodes, edges}));
