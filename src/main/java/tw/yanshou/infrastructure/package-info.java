/**
 * Technical pieces every module may use: the embedded PostgreSQL, the office clock (with replay days), retries of
 * lost races, the transaction cache and the OpenAPI description. It depends on no other module.
 */
package tw.yanshou.infrastructure;
