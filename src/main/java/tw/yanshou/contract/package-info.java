/**
 * Contracts on the server: registering a contract file, the append-only event log (corrections void, never
 * change), loading a contract for the calculus, stored statements, and the cascade of terminations to linked
 * contracts. Every change is checked by the calculus before anything is written.
 */
package tw.yanshou.contract;
