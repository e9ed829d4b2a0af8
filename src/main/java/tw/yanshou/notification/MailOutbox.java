package tw.yanshou.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox's e-mails after the transactions that wrote them committed: every
 * {@code yanshou.notification.mail.interval}, the rows due (oldest first, a few at a time, each claimed with
 * {@code for update skip locked} so that two servers never send one twice). A failure is kept with the row and
 * tried again after a backoff that doubles up to {@code max-backoff}; after {@code max-attempts} the row is left
 * unsent with its last error, for an operator to see.
 */
@Component
class MailOutbox {
    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);
    private static final int BATCH = 20;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ObjectProvider<JavaMailSender> sender;
    private final MailSettings settings;

    MailOutbox(JdbcClient jdbc, TransactionTemplate transactions, ObjectProvider<JavaMailSender> sender,
               MailSettings settings) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.sender = sender;
        this.settings = settings;
    }

    record Mail(UUID id, String recipient, String subject, String body, int attempts) { }

    @Scheduled(fixedDelayString = "${yanshou.notification.mail.interval:10s}",
            initialDelayString = "${yanshou.notification.mail.interval:10s}")
    void sendDue() {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) return;
        for (int i = 0; i < BATCH; i++) {
            Boolean sent = transactions.execute(tx -> sendOne(mail));
            if (sent == null || !sent) return;
        }
    }

    /** Sends the oldest due row; false when none is due. */
    private boolean sendOne(JavaMailSender mail) {
        List<Mail> due = jdbc.sql("select id, recipient, subject, body, attempts from mail_outbox where sent_at is null "
                        + "and attempts < ? and next_attempt_at <= now() order by next_attempt_at, created_at limit 1 "
                        + "for update skip locked")
                .param(settings.maxAttempts())
                .query((rs, n) -> new Mail(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5))).list();
        if (due.isEmpty()) return false;
        Mail m = due.get(0);
        try {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(settings.from());
            message.setTo(m.recipient());
            message.setSubject(m.subject());
            message.setText(m.body());
            mail.send(message);
            jdbc.sql("update mail_outbox set sent_at = now(), attempts = attempts + 1, last_error = null where id = ?")
                    .param(m.id()).update();
        } catch (RuntimeException e) {
            int attempts = m.attempts() + 1;
            Instant next = Instant.now().plus(settings.delayAfter(attempts));
            String error = String.valueOf(e.getMessage());
            jdbc.sql("update mail_outbox set attempts = ?, next_attempt_at = ?, last_error = ? where id = ?")
                    .params(attempts, Timestamp.from(next), error.length() > 1000 ? error.substring(0, 1000) : error, m.id())
                    .update();
            log.warn("mail to {} not sent (attempt {}), next try at {}: {}", m.recipient(), attempts, next, error);
        }
        return true;
    }
}
