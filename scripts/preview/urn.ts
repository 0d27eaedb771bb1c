/**
 * URNs as the engine makes them (sdk/go/common/resource/urn.go `NewURN`, called from source_eval.go with the parent's
 * qualified type): `urn:pulumi:<stack>::<project>::<qualified type>::<name>`, where the type is qualified by the
 * parent's whole type chain (`Parent$Child$aws:…`). The preview's engine and the tests' identity guard both use this.
 */

/** The root resource every top-level resource of a real run is a child of; URNs leave it out of the chain. */
export const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/** The part of a URN after `urn:pulumi:<stack>::<project>::`: `<qualified type>` (empty for ""). */
export function qualifiedType(urn: string): string {
    return urn ? urn.split("::")[2] : "";
}

/** The URN of a resource of `type` named `name` whose parent has URN `parentUrn` ("" for none). */
export function newUrn(stack: string, project: string, parentUrn: string, type: string, name: string): string {
    const parentType = qualifiedType(parentUrn);
    const chain = parentType && parentType !== ROOT_STACK_TYPE ? `${parentType}$${type}` : type;
    return `urn:pulumi:${stack}::${project}::${chain}::${name}`;
}
