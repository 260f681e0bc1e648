export * from './dated-parameter';
export * from './indicator';
export * from './share-capital-rules';
export * from './reimbursement';
export * from './membership-indicators';
