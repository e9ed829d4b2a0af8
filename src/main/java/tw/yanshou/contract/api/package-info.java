/**
 * The JSON API of contracts, events and statements. What goes wrong is answered by {@code tw.yanshou.web}'s problem
 * bodies.
 */
package tw.yanshou.contract.api;
