/**
 * The process side: the beans the process model calls (milestones, statements, accrual, contract lifecycle, officer
 * tasks), {@link tw.yanshou.workflow.ContractWorkflow}, which listens to the contract module's events, carries them
 * into the process and rebuilds it from the event log with effective dates (each change one engine command that
 * writes only its end state), {@link tw.yanshou.workflow.EngineHistory} (what of the engine's history is
 * written), and the recheck of due dates after the office calendar changed. The names of the process model are in {@link tw.yanshou.workflow.ProcessModel}. The
 * process carries ids only.
 */
package tw.yanshou.workflow;
