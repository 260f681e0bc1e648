import {
  daysPerStage,
  fundsHeld,
  hoursReceived,
  listedFunds,
  listedSupport,
  ProjectStage,
} from '@libs/contracts';
import { IncubationHistory } from './incubation-history.decider';

/** The coop's pre-history as its own app shows it: the consortium's figures, from the record. */
export interface IncubationView {
  projectId: string;
  name: string;
  themes: IncubationHistory['themes'];
  territory: string;
  stages: IncubationHistory['stages'];
  daysPerStage: Record<ProjectStage, number>;
  support: ReturnType<typeof listedSupport>;
  hoursReceived: { total: string; byCoop: Record<string, string> };
  funds: ReturnType<typeof listedFunds>;
  /** What the consortium still held for the project when it graduated: the coop's money. */
  fundsHandedOver: Record<string, string>;
  graduation: IncubationHistory['graduation'];
  receivedOn: string;
  bundle: IncubationHistory['bundle'];
}

export function incubationView(history: IncubationHistory): IncubationView {
  const { coopId: _coop, support, funds, ...rest } = history;
  return {
    ...rest,
    daysPerStage: daysPerStage(history, history.graduation.graduatedOn),
    support: listedSupport(support),
    hoursReceived: hoursReceived(history),
    funds: listedFunds(funds),
    fundsHandedOver: fundsHeld(history),
  };
}
