/**
 * Contracts on the server: registering a contract file, the append-only event log (corrections void, never
 * change), loading a contract for the calculus, stored statements, and the cascade of terminations to linked
 * contracts. Every change is checked by the calculus before anything is written, and announced as an event
 * ({@link tw.yanshou.contract.ContractRegistered}, {@link tw.yanshou.contract.EventRecorded},
 * {@link tw.yanshou.contract.EventVoided}) in the same transaction; the workflow listens to move the process. This
 * module knows nothing of the process engine.
 */
package tw.yanshou.contract;
