/**
 * The component library's entry point (`import { Network, Database } from "aws-platform"`): every component with its
 * argument types and the checks it exports. Each is also importable on its own, `aws-platform/components/<file>`.
 */
export * from "./alert-routing";
export * from "./app-secrets";
export * from "./application";
export * from "./backup";
export * from "./cache";
export * from "./database";
export * from "./database-users";
export * from "./edge";
export * from "./encryption-keys";
export * from "./fargate-service";
export * from "./network";
export * from "./service-logs";
export * from "./service-observability";
export * from "./static-site";
export * from "./storage";
