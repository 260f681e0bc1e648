export * from './personal-data.cipher';
