/**
 * What officers print and read: the statement of a contract as a page (with a print stylesheet) and as a PDF with
 * an embedded Traditional Chinese font, and the contract's timeline chart (server-rendered SVG). Every figure comes
 * from the contract module's {@link tw.yanshou.contract.StatementService} / {@link tw.yanshou.contract.ContractService}
 * (the calculus's {@link tw.yanshou.calculus.Statement}); this module formats, it computes nothing of its own.
 */
package tw.yanshou.report;
