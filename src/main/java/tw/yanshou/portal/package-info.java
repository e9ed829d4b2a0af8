/**
 * The vendor's portal ({@code /portal}, vendor users only): the vendor's contracts, and per contract the
 * milestones, due dates, late days, penalty to date and its projection (the statement of today, through
 * {@link tw.yanshou.contract.ContractService#statement}), the event log, inspection results with cure deadlines,
 * the buyer's deliveries, notifications, and the form that submits a readiness notice or a test report with its
 * files (a tender dated the day it is submitted). Everything goes through the services the desk and the API use,
 * with the vendor's {@link tw.yanshou.security.Actor}: another vendor's contract, event or document is a 404.
 */
package tw.yanshou.portal;
