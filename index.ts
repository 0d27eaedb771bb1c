// Entry point of the Pulumi program (Pulumi.yaml `main`). The CLI calls the exported function and awaits it; the object
// it resolves to is the stack outputs: the environment's name, VPC, alert topic, backup vault and each service's URLs and ids.
import { main } from "./stacks";

export = main;
