import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  valueFromAST,
} from "graphql";

// Shopify's calculated query cost (shopify.dev, "GraphQL Admin API rate limits"): scalars and enums
// cost 0, objects 1, interfaces and unions the maximum of their possible selections, connections
// 2 + (first|last × the cost of one node), mutations 10. The requested cost is computed before
// execution from the arguments; the actual cost walks the result with the number of nodes returned.

export const MUTATION_COST = 10;
export const CONNECTION_BASE_COST = 2;
export const SINGLE_QUERY_MAX_COST = 1000;

interface CostInput {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
  /** The result's data, for the actual cost; omit for the requested cost. */
  data?: unknown;
}

const isConnectionName = (name: string) => name.endsWith("Connection");

export function queryCost(input: CostInput): number {
  const { schema, document, operation, variables } = input;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const actual = "data" in input;

  if (operation.operation === "mutation") {
    return (
      operation.selectionSet.selections.filter((s) => s.kind === Kind.FIELD && !s.name.value.startsWith("__")).length *
      MUTATION_COST
    );
  }

  function fieldsFor(selectionSet: SelectionSetNode, type: GraphQLObjectType): FieldNode[] {
    const out: FieldNode[] = [];
    const applies = (condition: string | undefined) =>
      !condition ||
      condition === type.name ||
      type.getInterfaces().some((i) => i.name === condition) ||
      (schema.getType(condition) !== undefined &&
        isAbstractType(schema.getType(condition)) &&
        schema.isSubType(schema.getType(condition) as never, type));
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) out.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value)) out.push(...fieldsFor(selection.selectionSet, type));
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && applies(fragment.typeCondition.name.value)) out.push(...fieldsFor(fragment.selectionSet, type));
      }
    }
    return out;
  }

  function argument(field: GraphQLField<unknown, unknown>, node: FieldNode, name: string): unknown {
    const arg = node.arguments?.find((a) => a.name.value === name);
    const def = field.args.find((a) => a.name === name);
    return arg && def ? valueFromAST(arg.value, def.type, variables) : undefined;
  }

  function selectionCost(selectionSet: SelectionSetNode, type: GraphQLCompositeType, data: unknown): number {
    const types: readonly GraphQLObjectType[] = isObjectType(type) ? [type] : schema.getPossibleTypes(type);
    if (actual && data && typeof data === "object" && "__typename" in data) {
      const concrete = schema.getType(String((data as { __typename: unknown }).__typename));
      if (concrete && isObjectType(concrete)) return objectCost(selectionSet, concrete, data);
    }
    return Math.max(0, ...types.map((t) => objectCost(selectionSet, t, data)));
  }

  function objectCost(selectionSet: SelectionSetNode, type: GraphQLObjectType, data: unknown): number {
    let total = 0;
    for (const node of fieldsFor(selectionSet, type)) {
      const field = type.getFields()[node.name.value];
      if (!field) continue;
      const key = node.alias?.value ?? node.name.value;
      const value = actual ? (data as Record<string, unknown> | null | undefined)?.[key] : undefined;
      total += fieldCost(field, node, value);
    }
    return total;
  }

  function fieldCost(field: GraphQLField<unknown, unknown>, node: FieldNode, value: unknown): number {
    const named = getNamedType(field.type);
    if (isLeafType(named) || !node.selectionSet) return 0;
    if (actual && (value === null || value === undefined)) return 0;
    const composite = named as GraphQLCompositeType;
    if (isConnectionName(named.name) && isObjectType(named)) {
      const size = Number(argument(field, node, "first") ?? argument(field, node, "last") ?? 0);
      return CONNECTION_BASE_COST + connectionCost(node.selectionSet, named, size, value);
    }
    if (isListType(getNullableType(field.type))) {
      const items = actual && Array.isArray(value) ? value : [undefined];
      // A plain list costs like one object of its type (Shopify prices lists, not items).
      return Math.max(
        1,
        ...items.map((item) => 1 + selectionCost(node.selectionSet as SelectionSetNode, composite, item) - 0),
      );
    }
    return 1 + selectionCost(node.selectionSet, composite, value);
  }

  /** n × the cost of one node (edges { node } and nodes are the same objects; cursors and pageInfo are free). */
  function connectionCost(
    selectionSet: SelectionSetNode,
    type: GraphQLObjectType,
    size: number,
    value: unknown,
  ): number {
    const nodeField = type.getFields().nodes ?? type.getFields().edges;
    const nodeType = nodeField ? (getNamedType(nodeField.type) as GraphQLCompositeType) : undefined;
    if (!nodeType) return 0;
    const edgeType = getNamedType(type.getFields().edges?.type);
    let perNode = 0;
    const nodes: unknown[] = [];
    for (const sub of fieldsFor(selectionSet, type)) {
      const subValue = actual
        ? (value as Record<string, unknown> | undefined)?.[sub.alias?.value ?? sub.name.value]
        : undefined;
      if (sub.name.value === "nodes" && sub.selectionSet) {
        const target = getNamedType(type.getFields().nodes?.type) as GraphQLCompositeType;
        if (actual && Array.isArray(subValue))
          nodes.push(...subValue.map((v) => ({ set: sub.selectionSet, type: target, v })));
        else perNode = Math.max(perNode, 1 + selectionCost(sub.selectionSet, target, undefined));
      } else if (sub.name.value === "edges" && sub.selectionSet && edgeType && isObjectType(edgeType)) {
        for (const edgeField of fieldsFor(sub.selectionSet, edgeType)) {
          if (edgeField.name.value !== "node" || !edgeField.selectionSet) continue;
          const target = getNamedType(edgeType.getFields().node?.type) as GraphQLCompositeType;
          if (actual && Array.isArray(subValue)) {
            for (const edge of subValue) {
              const v = (edge as Record<string, unknown> | null)?.[edgeField.alias?.value ?? "node"];
              nodes.push({ set: edgeField.selectionSet, type: target, v });
            }
          } else perNode = Math.max(perNode, 1 + selectionCost(edgeField.selectionSet, target, undefined));
        }
      }
    }
    if (!actual) return size * perNode;
    // Actual: each returned node once (edges and nodes name the same objects: count the larger).
    let sum = 0;
    for (const item of nodes as { set: SelectionSetNode; type: GraphQLCompositeType; v: unknown }[]) {
      sum += item.v === null || item.v === undefined ? 0 : 1 + selectionCost(item.set, item.type, item.v);
    }
    return sum;
  }

  const root = operation.operation === "subscription" ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return 0;
  return objectCost(operation.selectionSet, root, actual ? input.data : undefined);
}
