export { preparePostgresTemplate as default } from './templates.ts';
