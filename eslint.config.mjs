import js from "@eslint/js";
import pulumi from "@pulumi/eslint-plugin";
import tseslint from "typescript-eslint";

/**
 * Import boundaries between the repository's domains (README "Boundaries"). A relative import that climbs (`../`) into
 * a top-level directory the importing domain may not use is an error; each file gets exactly one of these blocks
 * (flat config replaces, never merges, a rule's options). Regexes over the specifier, so `../stacks/x` and
 * `../../stacks/x` are caught alike; no directory inside these domains shares a name with a top-level one.
 */
const up = (dirs) => `^(\\.\\./)+(${dirs})(/|$)`;
const forbid = (regex, message) => ({ regex, message });
const NOT_STACKS = forbid(up("stacks"), "stacks/ composes the library; nothing below it may import it (move the shared thing to components/ or lib/).");
const NOT_SCRIPTS = forbid(up("scripts"), "scripts/ (the offline preview, builds, generators) is its own domain; the program, components, lib/ and the pack never import it.");
const NOT_POLICIES = forbid(up("policies"), "policies/ is the published pack; only tests and scripts read it.");
const NOT_COMPONENTS = forbid(up("components"), "lib/ is below components/: move what both need into lib/.");
const NOT_TESTS = forbid(up("test|examples"), "production code never imports tests or examples.");

function boundaries() {
  const block = (files, patterns, ignores = []) => ({ files, ignores, rules: { "no-restricted-imports": ["error", { patterns }] } });
  return [
    block(["components/**/*.ts"], [NOT_STACKS, NOT_SCRIPTS, NOT_POLICIES, NOT_TESTS]),
    block(["lib/**/*.ts"], [NOT_COMPONENTS, NOT_STACKS, NOT_SCRIPTS, NOT_POLICIES, NOT_TESTS], ["lib/rules/**"]),
    // The pure rules are shared by config, components, the pack and the preview: closed over themselves, no Pulumi.
    block(["lib/rules/**/*.ts"], [
      forbid("^\\.\\./", "lib/rules/ is pure and self-contained (the policy pack bundles it): import only other lib/rules/ files."),
      forbid("^@pulumi/", "lib/rules/ is pure: no Pulumi import."),
    ]),
    block(["stacks/**/*.ts"], [NOT_SCRIPTS, NOT_POLICIES, NOT_TESTS]),
    // The pack is bundled from policies/index.ts by scripts/build/policy-pack.ts: everything it imports by relative
    // path ships inside the published bundle. Outside policies/ that may be lib/rules/ only (pure, closed).
    block(["policies/**/*.ts"], [
      NOT_STACKS, NOT_SCRIPTS, NOT_TESTS,
      forbid(up("components"), "the published pack bundles what it imports: components/ is not part of it."),
      forbid("^(\\.\\./)+lib/(?!rules/)", "the published pack may bundle lib/rules/ only (pure, no Pulumi import); move the shared value there."),
    ]),
    // The offline preview plans any program and talks to any pack over the analyzer protocol: it shares lib/rules/ only.
    block(["scripts/preview/**/*.ts", "scripts/preview.ts"], [
      NOT_STACKS, NOT_POLICIES, NOT_TESTS,
      forbid(up("components"), "the offline preview plans programs; it never imports the components."),
      forbid("^(\\.\\./)+lib/(?!rules/)", "the offline preview shares lib/rules/ only."),
    ]),
    // Component tests use the preview's mocks and recorder (the same the preview plans and records with) and nothing else
    // of it, nor the stacks.
    block(["test/components/**/*.ts", "test/support/mocks.ts"], [
      NOT_STACKS,
      forbid("^(\\.\\./)+scripts/(?!preview/mocks/|preview/(registration|plan-protocol|urn)$|build/)", "component tests may use the preview's mocks (scripts/preview/mocks/), its recorder (scripts/preview/registration, plan-protocol, urn) and the build scripts (scripts/build/: bundle freshness) only, not the planner or analyzer."),
    ]),
  ];
}

export default tseslint.config(
  { ignores: ["node_modules/**", "bin/**", "dist/**", "reports/**", ".stryker-tmp/**", "**/*.js", "**/*.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Pulumi mocks and gRPC messages are untyped at the edges; keep `any` visible but allowed.
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  ...boundaries(),
  {
    // Pulumi's own rules: an Output in a template literal is "[object Object]" at deploy time (use pulumi.interpolate).
    // They need type information, so they run on the code that builds resources: the program, components, examples.
    files: ["index.ts", "components/**/*.ts", "lib/**/*.ts", "stacks/**/*.ts", "examples/**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "@pulumi": pulumi },
    rules: {
      "@pulumi/no-output-in-template-literal": "error",
      "@pulumi/no-output-instance-in-template-literal": "error",
    },
  },
);
