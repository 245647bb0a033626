// The flattened view of a schema (what `describe` prints) and helpers to walk schema bodies.
import type { AttributeInfo, BlockInfo, BlockSchema, BodySchema, ComponentInfo, ComponentSchema, PropertySchema } from './schema-types.js';

/** Resolves a local `$ref` (`#/$defs/x`) against the schema's root. */
export function resolveBody(root: ComponentSchema, body: BodySchema | undefined): BodySchema {
  if (!body) return {};
  if (body.$ref?.startsWith('#/$defs/')) return root.$defs?.[body.$ref.slice('#/$defs/'.length)] ?? {};
  return body;
}

/** The body of a block property (items for repeatable blocks). */
export function blockBody(root: ComponentSchema, b: BlockSchema): BodySchema {
  return resolveBody(root, b['x-alloy-repeatable'] ? b.items : b);
}

export function isBlock(p: PropertySchema): p is BlockSchema {
  return (p as BlockSchema)['x-alloy-kind'] === 'block';
}

/** Flattens a schema into attribute, block and export lists with paths from the component down. */
export function componentInfo(root: ComponentSchema): ComponentInfo {
  const attributes: AttributeInfo[] = [];
  const blocks: BlockInfo[] = [];
  const walk = (body: BodySchema, path: string[], refs: string[]) => {
    const required = new Set(body.required ?? []);
    for (const [name, p] of Object.entries(body.properties ?? {})) {
      const here = [...path, name];
      if (isBlock(p)) {
        blocks.push({ path: here, required: required.has(name), repeatable: p['x-alloy-repeatable'], labelled: p['x-alloy-labelled'] });
        const inner = p['x-alloy-repeatable'] ? p.items : p;
        const ref = inner?.$ref;
        if (ref && refs.includes(ref)) continue; // recursive block (stage.match inside stage.match)
        walk(blockBody(root, p), here, ref ? [...refs, ref] : refs);
      } else {
        const a: AttributeInfo = { path: here, type: p['x-alloy-type'], required: required.has(name) };
        if (p.default !== undefined) a.default = p.default;
        if (p.enum) a.enum = p.enum;
        attributes.push(a);
      }
    }
  };
  walk(resolveBody(root, root), [], root.$ref ? [root.$ref] : []);
  const exports = Object.entries(root['x-alloy-exports'] ?? {}).map(([name, s]) => ({ name, type: s['x-alloy-type'] }));
  return {
    name: root['x-alloy-name'],
    kind: root['x-alloy-kind'],
    stability: root['x-alloy-stability'] ?? 'generally-available',
    community: root['x-alloy-community'] ?? false,
    docs: root['x-alloy-docs'],
    attributes,
    blocks,
    exports,
  };
}
