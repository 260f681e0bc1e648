import { formatHundredths, ResourceShared, ResourceKind, Theme } from '@libs/contracts';
import { MoneyJson, moneyJson } from './quantity.dto';

/** A shared resource as every API shows it (the coop's own list, the federation's catalogue). */
export interface ResourceView {
  resourceId: string;
  kind: ResourceKind;
  title: string;
  description: string | null;
  themes: Theme[];
  terms: { type: string; price?: MoneyJson; hours?: string };
  sharedOn: string;
}

type SharedResource = Pick<
  ResourceShared['data'],
  'resourceId' | 'kind' | 'title' | 'description' | 'themes' | 'terms' | 'sharedOn'
>;

export function resourceView(resource: SharedResource): ResourceView {
  const { terms } = resource;
  return {
    resourceId: resource.resourceId,
    kind: resource.kind,
    title: resource.title,
    description: resource.description,
    themes: resource.themes,
    terms:
      terms.type === 'hours'
        ? { type: 'hours', hours: formatHundredths(terms.hours) }
        : terms.type === 'free'
          ? { type: 'free' }
          : { type: terms.type, price: moneyJson(terms.price.unit, terms.price.hundredths) },
    sharedOn: resource.sharedOn,
  };
}
