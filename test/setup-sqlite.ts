export { prepareSqliteTemplate as default } from './templates.ts';
