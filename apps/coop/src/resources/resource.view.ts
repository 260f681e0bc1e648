import { formatHundredths, ResourceKind, Theme } from '@libs/contracts';
import { MoneyJson, moneyJson } from '@libs/api-conventions';
import { ResourceRow } from './resource.entity';

export interface ResourceView {
  resourceId: string;
  kind: ResourceKind;
  title: string;
  description: string | null;
  themes: Theme[];
  terms: { type: string; price?: MoneyJson; hours?: string };
  sharedOn: string;
}

export function resourceView(row: ResourceRow): ResourceView {
  const { terms } = row;
  return {
    resourceId: row.resourceId,
    kind: row.kind,
    title: row.title,
    description: row.description,
    themes: row.themes,
    terms:
      terms.type === 'hours'
        ? { type: 'hours', hours: formatHundredths(terms.hours) }
        : terms.type === 'free'
          ? { type: 'free' }
          : { type: terms.type, price: moneyJson(terms.price.unit, terms.price.hundredths) },
    sharedOn: row.sharedOn,
  };
}
