/**
 * Backups of the embedded database, made online by administrators ({@code POST /api/admin/backups}); an external
 * PostgreSQL is backed up with its own tools. The restore is documented in docs/operations.md and drilled by a test.
 */
package tw.yanshou.backup;
