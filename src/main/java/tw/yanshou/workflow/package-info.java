/**
 * The process side: the beans the process model calls (milestones, statements, accrual, contract lifecycle, officer
 * tasks) and {@link tw.yanshou.workflow.ContractWorkflow}, which carries recorded events into the process and
 * rebuilds it from the event log with effective dates. The process carries ids only.
 */
package tw.yanshou.workflow;
