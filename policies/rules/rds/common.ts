import { isSet } from "../../framework";

/** A read replica (its source may be unknown during preview: it is still a replica). */
export const isReplica = (props: Record<string, any>) => isSet(props, "replicateSourceDb");
