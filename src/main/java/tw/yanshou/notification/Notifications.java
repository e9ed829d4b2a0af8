package tw.yanshou.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import tw.yanshou.calculus.RocDates;
import tw.yanshou.security.Actor;

/**
 * Writes notifications (and, when SMTP is configured and the recipient has an address, their e-mails into the
 * outbox) in the caller's transaction, and reads them for a user: a vendor its own contracts', staff the staff's.
 * The text is the message {@code notification.kind.<KIND>} in the reader's language; e-mails carry zh-TW and
 * English.
 */
@Service
public class Notifications {
    private static final Locale ZH = Locale.forLanguageTag("zh-TW");
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final MessageSource messages;
    private final MailSettings mail;
    private final ObjectProvider<JavaMailSender> sender;

    Notifications(JdbcClient jdbc, ObjectMapper json, MessageSource messages, MailSettings mail,
                  ObjectProvider<JavaMailSender> sender) {
        this.jdbc = jdbc;
        this.json = json;
        this.messages = messages;
        this.mail = mail;
        this.sender = sender;
    }

    /** Writes a notification and its e-mails (when SMTP is configured), in the transaction of the change. */
    public Notification notify(UUID contractId, String audience, String vendorId, Notification.Kind kind, UUID eventId,
                               LocalDate onDate, Map<String, Object> detail) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into notification (id, contract_id, audience, vendor_id, kind, event_id, on_date, detail) "
                        + "values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))")
                .params(id, contractId, audience, vendorId, kind.name(), eventId, onDate, write(detail)).update();
        Notification n = new Notification(id, contractId, audience, vendorId, kind, eventId, onDate, detail, Instant.now());
        if (sender.getIfAvailable() != null) {
            List<String> to = Notification.VENDOR.equals(audience) ? mail.vendorAddresses(vendorId) : mail.staffAddresses();
            for (String recipient : to) {
                jdbc.sql("insert into mail_outbox (id, notification_id, recipient, subject, body) values (?, ?, ?, ?, ?)")
                        .params(UUID.randomUUID(), id, recipient, subject(n), body(n)).update();
            }
        }
        return n;
    }

    /**
     * Writes a notice for one user alone ({@code detail.username}): about their own account (a sign-in from a new
     * device), or about one of the user's decisions on a contract (a supervisor approved or rejected it); and its
     * e-mails (to the user's address, or a vendor user's vendor's; see {@link MailSettings#userAddresses}).
     */
    public Notification notifyUser(UUID contractId, String username, String vendorId, Notification.Kind kind,
                                   LocalDate onDate, Map<String, Object> detail) {
        UUID id = UUID.randomUUID();
        Map<String, Object> d = new java.util.HashMap<>(detail);
        d.put("username", username);
        jdbc.sql("insert into notification (id, contract_id, audience, username, vendor_id, kind, on_date, detail) "
                        + "values (?, ?, 'USER', ?, ?, ?, ?, cast(? as jsonb))")
                .params(id, contractId, username, vendorId, kind.name(), onDate, write(d)).update();
        Notification n = new Notification(id, contractId, Notification.USER, vendorId, kind, null, onDate, d, Instant.now());
        if (sender.getIfAvailable() != null) {
            for (String recipient : mail.userAddresses(username, vendorId)) {
                jdbc.sql("insert into mail_outbox (id, notification_id, recipient, subject, body) values (?, ?, ?, ?, ?)")
                        .params(UUID.randomUUID(), id, recipient, subject(n), body(n)).update();
            }
        }
        return n;
    }

    /** Whether a notification of this kind was already given for the contract (one termination right, not one a day). */
    public boolean given(UUID contractId, Notification.Kind kind) {
        return jdbc.sql("select count(*) from notification where contract_id = ? and kind = ?")
                .params(contractId, kind.name()).query(Long.class).single() > 0;
    }

    /** A notice about a change of the user's own account (its second factors), for that user alone. */
    public Notification notifyUser(String username, String vendorId, Notification.Kind kind) {
        return notifyUser(null, username, vendorId, kind, null, Map.of());
    }

    /** The notifications a user may read, newest first: a vendor's (one contract or all its own), or the staff's. */
    public List<Notification> of(Actor actor, UUID contractId, int limit) {
        List<Object> params = new ArrayList<>();
        String where = actor.isStaff() ? "audience = 'STAFF'"
                : actor.vendorId() != null ? "audience = 'VENDOR' and vendor_id = ?" : "false";
        if (!actor.isStaff() && actor.vendorId() != null) params.add(actor.vendorId());
        // and those for the reader alone: about their account, or their decisions on a contract
        where = "((" + where + ") or (audience = 'USER' and username = ?))";
        params.add(actor.name());
        if (contractId != null) {
            where += " and contract_id = ?";
            params.add(contractId);
        } else {
            // and the user's own (their account's security)
            where = "(" + where + ") or (audience = 'USER' and username = ?)";
            params.add(actor.name());
        }
        params.add(limit);
        return jdbc.sql("select id, contract_id, audience, vendor_id, kind, event_id, on_date, detail::text, created_at "
                        + "from notification where " + where + " order by created_at desc, id limit ?")
                .params(params).query(this::row).list();
    }

    /** How many of the user's notifications came after the last time the user opened the list. */
    public long unseen(Actor actor) {
        String where = actor.isStaff() ? "audience = 'STAFF'"
                : actor.vendorId() != null ? "audience = 'VENDOR' and vendor_id = ?" : "false";
        List<Object> params = new ArrayList<>();
        if (!actor.isStaff() && actor.vendorId() != null) params.add(actor.vendorId());
        where = "((" + where + ") or (audience = 'USER' and username = ?))";
        params.add(actor.name());
        params.add(actor.name());
        return jdbc.sql("select count(*) from notification where " + where + " and created_at > coalesce("
                        + "(select seen_until from notification_seen where username = ?), '-infinity'::timestamptz)")
                .params(params).query(Long.class).single();
    }

    /** The user has seen everything up to now. */
    public void seen(Actor actor) {
        jdbc.sql("insert into notification_seen (username, seen_until) values (?, clock_timestamp()) "
                + "on conflict (username) do update set seen_until = excluded.seen_until").param(actor.name()).update();
    }

    /** The notification's text in a language. */
    public String text(Notification n, Locale locale) {
        boolean zh = !"en".equals(locale.getLanguage());
        Object day = n.onDate() == null ? "" : zh && !n.onDate().isBefore(LocalDate.of(1912, 1, 1))
                ? RocDates.format(n.onDate()) : n.onDate().toString();
        if (n.kind().aboutAccount()) {
            Map<String, Object> d = n.detail();
            return messages.getMessage("notification.kind." + n.kind().name(), new Object[] {d.getOrDefault("username", ""),
                    d.getOrDefault("device", ""), d.getOrDefault("address", ""), d.getOrDefault("network", ""), day,
                    d.getOrDefault("time", ""), d.getOrDefault("by", ""), d.getOrDefault("reason", "")}, locale);
        }
        Object items = n.detail().getOrDefault("items", "");
        if (items instanceof List<?> list) items = String.join(", ", list.stream().map(String::valueOf).toList());
        return messages.getMessage("notification.kind." + n.kind().name(), new Object[] {n.number(),
                n.detail().getOrDefault("milestone", ""), day, items, n.detail().getOrDefault("by", ""),
                n.detail().getOrDefault("reason", "")}, locale);
    }

    String subject(Notification n) {
        if (n.kind().aboutAccount()) {
            String code = n.kind() == Notification.Kind.NEW_DEVICE ? "notification.mail.subject.NEW_DEVICE"
                    : "notification.mail.subject.user";
            return messages.getMessage(code, null, ZH) + " / " + messages.getMessage(code, null, Locale.ENGLISH);
        }
        return messages.getMessage("notification.mail.subject", new Object[] {n.number()}, ZH) + " / "
                + messages.getMessage("notification.mail.subject", new Object[] {n.number()}, Locale.ENGLISH);
    }

    String body(Notification n) {
        return text(n, ZH) + "\n\n" + text(n, Locale.ENGLISH) + "\n\n"
                + messages.getMessage("notification.mail.footer", null, ZH) + "\n"
                + messages.getMessage("notification.mail.footer", null, Locale.ENGLISH) + "\n";
    }

    private Notification row(ResultSet rs, int n) throws SQLException {
        Map<String, Object> detail;
        try {
            detail = json.readValue(rs.getString(8), new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            detail = Map.of();
        }
        java.sql.Date on = rs.getDate(7);
        return new Notification(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                Notification.Kind.valueOf(rs.getString(5)), rs.getObject(6, UUID.class), on == null ? null : on.toLocalDate(),
                detail, rs.getTimestamp(9).toInstant());
    }

    private String write(Map<String, Object> detail) {
        try {
            return json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
