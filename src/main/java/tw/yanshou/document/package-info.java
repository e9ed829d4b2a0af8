/**
 * Documents attached to events: test reports, readiness notices, photos, inspection records, the buyer's
 * deliveries. Stored in PostgreSQL with the SHA-256 computed while the bytes stream in, the content type sniffed
 * from the bytes (Apache Tika) and checked against an allowlist, a cleaned file name and a size limit
 * ({@code yanshou.limits.document}) enforced while reading. Files come with an event through
 * {@link tw.yanshou.contract.ContractService#recordEvent(java.util.UUID, String, tw.yanshou.security.Actor, Integer,
 * tw.yanshou.contract.EventAttachments)}, in the event's transaction: a refused file leaves nothing of the event.
 * Announces {@link tw.yanshou.document.DocumentsAttached} (notifications listen).
 */
package tw.yanshou.document;
