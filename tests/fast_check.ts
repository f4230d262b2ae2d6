/**
 * fast-check for the property tests, by a full npm: specifier rather than an import-map entry, which
 * `deno task` would install before every command (see tests/task_locks.ts).
 */
export { default } from "npm:fast-check@4.10.2";
