/** The audit log: every state change, who made it and when, written in the same transaction. */
package tw.yanshou.audit;
