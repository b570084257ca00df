import {
  getNamedType,
  isEnumType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  parse,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";

// Checks an answer against the operation that asked for it and Shopify's schema: every selected
// field present, nulls only where the schema allows them, lists as lists, scalars and enums of the
// right kind. What a client generated from the real schema expects, independent of our adapters.

const NUMBER_SCALARS = new Set(["Int", "Float"]);

export function responseShapeProblems(schema: GraphQLSchema, source: string, data: unknown): string[] {
  const problems: string[] = [];
  const operation = parse(source).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return ["no operation"];
  const root = operation.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
  if (!root) return ["no root type"];

  const checkSelection = (
    parent: GraphQLNamedType,
    selectionSet: SelectionSetNode,
    value: Record<string, unknown>,
    path: string,
  ) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        const fields = selection.selectionSet.selections.flatMap((s) =>
          s.kind === Kind.FIELD ? [s.alias?.value ?? s.name.value] : [],
        );
        // A fragment applies when the answer is of its type: then all of its fields must be there.
        if (condition && fields.some((f) => f in value)) checkSelection(condition, selection.selectionSet, value, path);
        continue;
      }
      if (selection.kind !== Kind.FIELD) continue;
      const name = selection.name.value;
      const key = selection.alias?.value ?? name;
      const at = `${path}.${key}`;
      if (name === "__typename") continue;
      if (!(isObjectType(parent) || isInterfaceType(parent))) {
        problems.push(`${at}: selected on ${parent.name}, which has no fields`);
        continue;
      }
      const field = parent.getFields()[name];
      if (!field) problems.push(`${at}: ${parent.name} has no field ${name}`);
      else if (!(key in value)) problems.push(`${at}: missing`);
      else checkValue(field.type, selection.selectionSet, value[key], at);
    }
  };

  const checkValue = (
    type: GraphQLOutputType,
    selectionSet: SelectionSetNode | undefined,
    value: unknown,
    path: string,
  ) => {
    if (isNonNullType(type)) {
      if (value === null) problems.push(`${path}: null, but the schema says it never is`);
      else checkValue(type.ofType, selectionSet, value, path);
      return;
    }
    if (value === null) return;
    if (isListType(type)) {
      if (!Array.isArray(value)) problems.push(`${path}: expected a list`);
      else value.forEach((item, i) => checkValue(type.ofType, selectionSet, item, `${path}[${i}]`));
      return;
    }
    const named = getNamedType(type);
    if (isScalarType(named)) {
      const ok =
        named.name === "Boolean"
          ? typeof value === "boolean"
          : NUMBER_SCALARS.has(named.name)
            ? typeof value === "number"
            : named.name === "JSON"
              ? true
              : typeof value === "string";
      if (!ok) problems.push(`${path}: ${JSON.stringify(value)} is not a ${named.name}`);
      return;
    }
    if (isEnumType(named)) {
      if (!named.getValues().some((v) => v.name === value))
        problems.push(`${path}: ${JSON.stringify(value)} is not a ${named.name}`);
      return;
    }
    if (typeof value !== "object" || Array.isArray(value)) {
      problems.push(`${path}: expected an object`);
      return;
    }
    if (selectionSet && named) checkSelection(named, selectionSet, value as Record<string, unknown>, path);
  };

  if (typeof data !== "object" || data === null) return ["no data"];
  checkSelection(root, operation.selectionSet, data as Record<string, unknown>, "data");
  return problems;
}
