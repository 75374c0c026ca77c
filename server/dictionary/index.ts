// docs.ts (the committed docs) stays out of the face: it builds the whole app to read its API
// document, and the app's routes import this index.
export { apiSchemas } from './api-schemas';
export { readDbSnapshot } from './read-schema';
