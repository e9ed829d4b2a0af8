/**
 * The JSON API of contracts, events and statements, and RFC 9457 problem bodies for everything that goes wrong.
 */
package tw.yanshou.contract.api;
