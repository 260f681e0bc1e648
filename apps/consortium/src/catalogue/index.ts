/** What other contexts and the app may use of this context: nothing else is reached from outside. */
export { CatalogueQueries } from './catalogue.queries';
export { CATALOGUE_READ_SIDE } from './catalogue.read-side';
export { CatalogueModule } from './catalogue.module';
