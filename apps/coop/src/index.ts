/**
 * The coop app's public module, for the operator's CLI: its read-model database (tables,
 * migrations, projections) and the member keys table an export reads and an import fills. The
 * app itself starts from `main.ts`.
 */
export { coopReadModels } from './database/read-sides';
export { MemberKeyTable } from './membership';
export { incubationHistoryDecider } from './incubation';
export type { IncubationHistory } from './incubation';
