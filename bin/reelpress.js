#!/usr/bin/env node
// Runs the TypeScript sources through tsx, so there is no build step between an edit and a run.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../src/cli/main.ts");
process.exitCode = await runCli(process.argv.slice(2));
