import js from "@eslint/js";
import pulumi from "@pulumi/eslint-plugin";
import tseslint from "typescript-eslint";

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
