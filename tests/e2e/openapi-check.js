#!/usr/bin/env node
// openapi-check.js - checks one live response body against docs/openapi.json.
//
//   node tests/e2e/openapi-check.js docs/openapi.json GET /api/forces/{force} 200 < body.json
//   node tests/e2e/openapi-check.js docs/openapi.json --schema Crime < fixture.json
//
// The second form checks a recorded police.uk response against one of the
// components (fixtures may start with a BOM and use JavaScript-style
// unquoted keys and trailing commas; those are accepted).
// Finds the operation's response schema and walks the body: JSON types
// (type lists for nullable fields), required fields, no undeclared fields
// (additionalProperties: false), and the field ORDER police.uk clients see
// (declared properties, in order).  Also $ref, items, anyOf, enum, pattern.
// Node's standard library only.  Prints what is wrong and exits 1.
'use strict';
const fs = require('fs');

const [specPath, method, template, status] = process.argv.slice(2);
const spec = JSON.parse(fs.readFileSync(specPath, 'utf8'));
const text = fs.readFileSync(0, 'utf8');
const errors = [];

function resolve(s) {
  while (s && s.$ref) {
    const parts = s.$ref.replace(/^#\//, '').split('/');
    s = parts.reduce((o, k) => o[k], spec);
  }
  return s;
}

function typeOf(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeOk(want, got) {
  const list = Array.isArray(want) ? want : [want];
  return list.includes(got) || (got === 'integer' && list.includes('number'));
}

function check(schema, v, where, out) {
  schema = resolve(schema);
  if (!schema) return;
  if (schema.anyOf) {
    for (const alt of schema.anyOf) {
      const sub = [];
      check(alt, v, where, sub);
      if (!sub.length) return;
    }
    out.push(`${where}: matches none of anyOf (${JSON.stringify(v).slice(0, 80)})`);
    return;
  }
  const got = typeOf(v);
  if (schema.type && !typeOk(schema.type, got)) {
    out.push(`${where}: is ${got}, want ${JSON.stringify(schema.type)}`);
    return;
  }
  if (schema.enum && !schema.enum.includes(v)) out.push(`${where}: ${JSON.stringify(v)} not in enum`);
  if (schema.pattern && typeof v === 'string' && !new RegExp(schema.pattern).test(v))
    out.push(`${where}: "${v}" does not match ${schema.pattern}`);
  if (got === 'array' && schema.items)
    v.forEach((x, i) => check(schema.items, x, `${where}[${i}]`, out));
  if (got === 'object') {
    const props = schema.properties || {};
    for (const k of schema.required || [])
      if (!(k in v)) out.push(`${where}: missing field "${k}"`);
    const declared = Object.keys(props);
    for (const k of Object.keys(v)) {
      if (k in props) check(props[k], v[k], `${where}.${k}`, out);
      else if (schema.additionalProperties === false) out.push(`${where}: undeclared field "${k}"`);
      else if (typeof schema.additionalProperties === 'object')
        check(schema.additionalProperties, v[k], `${where}.${k}`, out);
    }
    if (schema.additionalProperties === false && !schema['x-any-order']) {
      const order = Object.keys(v).filter((k) => k in props);
      const want = declared.filter((k) => k in v);
      if (order.join() !== want.join())
        out.push(`${where}: field order ${order.join(',')}, want ${want.join(',')}`);
    }
  }
}

function lenient(t) {
  return t.replace(/^\uFEFF/, '')
    .replace(/([{,]\s*)([A-Za-z_][A-Za-z0-9_-]*)\s*:/g, '$1"$2":')
    .replace(/,(\s*[}\]])/g, '$1');
}

if (method === '--schema') {
  let fixture;
  try {
    fixture = JSON.parse(lenient(text));
  } catch (e) {
    console.log(`fixture is not JSON: ${e.message}`);
    process.exit(1);
  }
  check({ $ref: '#/components/schemas/' + template }, fixture, template, errors);
  if (errors.length) {
    console.log(errors.slice(0, 10).join('\n'));
    process.exit(1);
  }
  process.exit(0);
}

const op = spec.paths[template] && spec.paths[template][method.toLowerCase()];
if (!op) {
  console.log(`no operation ${method} ${template} in ${specPath}`);
  process.exit(1);
}
const res = op.responses[status];
if (!res) {
  console.log(`${method} ${template}: status ${status} is not documented`);
  process.exit(1);
}
let body;
try {
  body = JSON.parse(text);
} catch (e) {
  console.log(`${method} ${template}: body is not JSON: ${e.message}`);
  process.exit(1);
}
check(res.content['application/json'].schema, body, 'body', errors);
if (errors.length) {
  console.log(errors.slice(0, 10).join('\n'));
  process.exit(1);
}
