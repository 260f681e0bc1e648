/**
 * The consortium's own legal form (`CONSORTIUM_LEGAL_FORM`: `consorzio` or `scic`): its year
 * closing, its composition indicators and its members' exits follow that form's law.
 */
export const CONSORTIUM_FORM = Symbol('CONSORTIUM_FORM');
