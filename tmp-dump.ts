import { PolicyDocument } from './policy-schemas/document.js';
import { schemaNode, allNodes, itemOf } from './policy-schemas/walk.js';
import { chineseLabel, hasValueLabelZh, valueLabel, humanise } from './admin/src/editor/labels.js';
const root = schemaNode(PolicyDocument as any);
const nodes = allNodes(root);
console.log(nodes.length);
for (const n of nodes) {
  const it = itemOf(n);
  const vals = it.values ? ' values=' + it.values.map((v) => `${v}:${valueLabel(n.path, v, 'zh')}`).join(',') : '';
  console.log(`${n.path}\t${n.kind}${n.kind==='list'?'<'+it.kind+'>':''}${n.optional?'?':''}${n.nullable?'|null':''}\t${chineseLabel(n.path)}\t${humanise(n.key)}${vals}`);
}
