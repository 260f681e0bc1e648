import { Projection } from './projection';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Class = Function;

/**
 * What one bounded context adds to its app's read-model database: its tables (TypeORM entities),
 * the migrations that shape them, and the projections that fill them. A context exports its read
 * side from its `index.ts`; its module registers the projections (`ProjectionsModule.forFeature`),
 * and the app folds the read sides of its contexts into its DataSource (`readModelsOf`).
 * `Scope` is what the projections are built for: the coop app's coop id, nothing for the consortium.
 */
export interface ReadSide<Scope = void> {
  entities?: Class[];
  migrations?: Class[];
  projections?: (scope: Scope) => Projection[];
}

/** An app's whole read-model database, from its contexts' read sides. */
export interface ReadModels {
  entities: Class[];
  migrations: Class[];
  projections: Projection[];
}

export function readModelsOf<Scope>(readSides: ReadSide<Scope>[], scope: Scope): ReadModels {
  return {
    entities: readSides.flatMap((side) => side.entities ?? []),
    migrations: readSides.flatMap((side) => side.migrations ?? []),
    projections: readSides.flatMap((side) => side.projections?.(scope) ?? []),
  };
}
