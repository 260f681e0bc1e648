export * from './dated-parameter';
export * from './legal-forms';
export * from './rule-book';
export * from './indicator';
export * from './share-capital-rules';
export * from './reimbursement';
export * from './membership-indicators';
export * from './type-b-quota';
