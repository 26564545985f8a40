/**
 * `npm start` begins here: NODE_ENV is production unless set (graphql-js and express read it when they
 * load, and skip development-only checks on every request), then the server.
 */
if (!process.env.NODE_ENV) process.env.NODE_ENV = 'production';
await import('./main.js');
