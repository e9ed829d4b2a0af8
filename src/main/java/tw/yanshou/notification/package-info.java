/**
 * Notifications for both sides of a contract: in-app (the vendor's portal, the desk's header) and by e-mail when
 * SMTP is configured. They are written in the transaction of the change that caused them (listening to the
 * contract module's {@link tw.yanshou.contract.EventRecorded} and the document module's
 * {@link tw.yanshou.document.DocumentsAttached}), e-mails as rows of an outbox that a scheduled sender sends after
 * commit and retries with backoff: a failing SMTP server never fails or holds up the change.
 */
package tw.yanshou.notification;
