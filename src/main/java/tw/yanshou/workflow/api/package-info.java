/** The officer tasks over HTTP. */
package tw.yanshou.workflow.api;
