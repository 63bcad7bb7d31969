// An independent GEXF reader for the tests: parse FILE with graphology-gexf
// and print what it read as JSON (node and edge counts, attributes of all).
// graphology-gexf keeps only the last <attributes> block of a class, so the
// dynamic attributes of a dynamic GEXF (declared in the block before) are
// read as undeclared ones: allowUndeclaredAttributes.
const fs = require("fs");
const {MultiDirectedGraph} = require("graphology");
const gexf = require("graphology-gexf");

const graph = gexf.parse(MultiDirectedGraph, fs.readFileSync(process.argv[2], "utf-8"),
                         {allowUndeclaredAttributes: process.argv[3] === "--dynamic"});
const nodes = {};
graph.forEachNode((key, attributes) => { nodes[key] = attributes; });
const edges = [];
graph.forEachEdge((key, attributes, source, target) => { edges.push({source, target, attributes}); });
process.stdout.write(JSON.stringify({order: graph.order, size: graph.size, nodes, edges}));
