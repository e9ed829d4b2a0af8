/**
 * Technical pieces: the embedded PostgreSQL, the office clock (with replay days), retries of lost races, the
 * transaction cache, the calculus beans and the OpenAPI description.
 */
package tw.yanshou.infrastructure;
