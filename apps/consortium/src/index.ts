/**
 * The consortium app's public module, for the operator's CLI and the benchmarks: its read-model
 * database (tables, migrations, projections). The app itself starts from `main.ts`.
 */
export { CONSORTIUM_READ_MODELS } from './database/read-sides';
export { evolveIncubatedProject, incubatedProjectOf } from './projects';
export type { IncubatedProject } from './projects';
