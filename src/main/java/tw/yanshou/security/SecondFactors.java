package tw.yanshou.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

import tw.yanshou.audit.AuditLog;
import tw.yanshou.calculus.Violation;
import tw.yanshou.web.ConflictException;
import tw.yanshou.web.InvalidInputException;
import tw.yanshou.web.NotFoundException;

/**
 * A user's second factors: an authenticator app (TOTP, RFC 6238: HMAC-SHA1, 6 digits, 30-second steps, codes of the
 * step before and after accepted too, each step at most once — RFC 6238 §5.2), ten one-time recovery codes, and
 * passkeys (registered through Spring Security's WebAuthn endpoints, listed and removed here). Staff must have one;
 * vendors too unless {@code yanshou.security.mfa.vendors-required} is false. Every change is audited and published
 * as {@link MfaChanged}.
 */
@Service
public class SecondFactors {
    public static final int RECOVERY_CODES = 10;
    static final Duration STEP = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** 32 letters and digits without 0/o, 1/l/i: 10 of them are 50 bits. */
    private static final char[] RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
    private static final int RECOVERY_LENGTH = 10;

    private final JdbcClient jdbc;
    private final org.springframework.beans.factory.ObjectProvider<Sessions> sessions;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final MfaSettings settings;
    private final SecretBox box;
    private final TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator(STEP, 6);
    /**
     * Recovery codes are random (50 bits), not chosen by people: PBKDF2-HMAC-SHA256 with a salt and 10,000
     * iterations is far beyond guessing them from a stolen table, and checking ten stays fast.
     */
    private final PasswordEncoder recoveryHashes =
            new Pbkdf2PasswordEncoder("", 16, 10_000, Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256);
    private volatile Clock clock = Clock.systemUTC();

    SecondFactors(JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events, MfaSettings settings,
                  org.springframework.beans.factory.ObjectProvider<Sessions> sessions) {
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.box = SecretBox.of(settings);
    }

    /** Tests move time on. */
    void useClock(Clock clock) { this.clock = clock; }

    /** What a user has: a confirmed authenticator app, unused recovery codes, passkeys. */
    public record Status(boolean totp, int recoveryCodesLeft, List<Passkey> passkeys) {
        public boolean any() { return totp || !passkeys.isEmpty(); }
    }

    /** A passkey as its owner sees it. */
    public record Passkey(String id, String label, Instant created, Instant lastUsed) { }

    /** An authenticator-app key to enrol: the key as text (Base32) and the {@code otpauth://} URI of its QR code. */
    public record Enrolment(String secret, String uri) { }

    /** How a code was accepted. */
    public enum Accepted { TOTP, RECOVERY_CODE }

    public Status status(String username) {
        boolean app = jdbc.sql("select count(*) from mfa_totp where username = ? and confirmed_at is not null")
                .param(username).query(Long.class).single() > 0;
        int left = jdbc.sql("select count(*) from mfa_recovery_code where username = ? and used_at is null")
                .param(username).query(Long.class).single().intValue();
        return new Status(app, left, passkeys(username));
    }

    public List<Passkey> passkeys(String username) {
        return jdbc.sql("select c.credential_id, c.label, c.created, c.last_used from user_credentials c "
                        + "join user_entities e on e.id = c.user_entity_user_id where e.name = ? order by c.created")
                .param(username)
                .query((rs, n) -> new Passkey(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4))))
                .list();
    }

    /** Whether the user has a second factor (a confirmed authenticator app or a passkey). */
    public boolean hasFactor(String username) { return status(username).any(); }

    /** Whether the actor must pass a second factor: staff always, vendors unless the setting says otherwise. */
    public boolean required(Actor actor) { return actor.isStaff() || settings.vendorsRequired(); }

    /**
     * A new authenticator-app key for the user, not yet in force (until {@link #confirmTotp} with a code from it);
     * asked again, the same pending key. A user with a confirmed app removes it first.
     */
    @Transactional
    public Enrolment startTotp(String username) {
        Optional<String> pending = jdbc.sql("select secret from mfa_totp where username = ? and confirmed_at is null")
                .param(username).query(String.class).optional();
        if (pending.isPresent()) return enrolment(username, box.open(pending.get()));
        if (status(username).totp()) throw new ConflictException("an authenticator app is already set up",
                List.of(new Violation("totp", "remove it first")));
        byte[] secret = new byte[20];   // 160 bits, the HMAC-SHA1 block RFC 4226 recommends
        RANDOM.nextBytes(secret);
        jdbc.sql("insert into mfa_totp (username, secret) values (?, ?)").params(username, box.seal(secret)).update();
        return enrolment(username, secret);
    }

    /** The pending key (shown while enrolment is not confirmed; never after). */
    public Optional<Enrolment> pendingTotp(String username) {
        return jdbc.sql("select secret from mfa_totp where username = ? and confirmed_at is null").param(username)
                .query(String.class).optional().map(s -> enrolment(username, box.open(s)));
    }

    /**
     * Confirms the pending key with a code from the app: from now on it is a second factor, and the user gets ten
     * new recovery codes (returned in clear this once). A wrong code: 422 on {@code code}.
     */
    @Transactional
    public List<String> confirmTotp(Actor actor, String code) {
        String username = actor.name();
        String sealed = jdbc.sql("select secret from mfa_totp where username = ? and confirmed_at is null for update")
                .param(username).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("no authenticator app is being set up"));
        if (!acceptTotp(username, box.open(sealed), code)) throw invalidCode();
        jdbc.sql("update mfa_totp set confirmed_at = ? where username = ?").params(Timestamp.from(clock.instant()), username).update();
        audit.record(username, "MFA_TOTP_ENROLLED", null, Map.of("username", username));
        events.publishEvent(new MfaChanged(username, actor.vendorId(), MfaChanged.Change.TOTP_ENROLLED));
        return newRecoveryCodes(username);
    }

    /** Removes the authenticator app (and, with no passkey left, the recovery codes). */
    @Transactional
    public void removeTotp(Actor actor) {
        String username = actor.name();
        int n = jdbc.sql("delete from mfa_totp where username = ?").param(username).update();
        if (n == 0) throw new NotFoundException("no authenticator app");
        if (passkeys(username).isEmpty()) jdbc.sql("delete from mfa_recovery_code where username = ?").param(username).update();
        audit.record(username, "MFA_TOTP_REMOVED", null, Map.of("username", username));
        events.publishEvent(new MfaChanged(username, actor.vendorId(), MfaChanged.Change.TOTP_REMOVED));
    }

    /** Ten new recovery codes (the old ones stop working), returned in clear this once. */
    @Transactional
    public List<String> regenerateRecoveryCodes(Actor actor) {
        if (!hasFactor(actor.name())) throw new ConflictException("set up a second factor first",
                List.of(new Violation("recoveryCodes", "no second factor")));
        List<String> codes = newRecoveryCodes(actor.name());
        audit.record(actor.name(), "MFA_RECOVERY_CODES_REGENERATED", null, Map.of("username", actor.name()));
        events.publishEvent(new MfaChanged(actor.name(), actor.vendorId(), MfaChanged.Change.RECOVERY_CODES_REGENERATED));
        return codes;
    }

    /** Removes one of the user's passkeys. */
    @Transactional
    public void removePasskey(Actor actor, String credentialId) {
        int n = jdbc.sql("delete from user_credentials c using user_entities e where e.id = c.user_entity_user_id "
                + "and e.name = ? and c.credential_id = ?").params(actor.name(), credentialId).update();
        if (n == 0) throw new NotFoundException("no passkey " + credentialId);
        audit.record(actor.name(), "MFA_PASSKEY_REMOVED", null, Map.of("username", actor.name(), "credential", credentialId));
        events.publishEvent(new MfaChanged(actor.name(), actor.vendorId(), MfaChanged.Change.PASSKEY_REMOVED));
    }

    /** What an administrator's reset removed from an account. */
    public record Reset(String username, boolean totp, int passkeys, int recoveryCodes, int sessionsEnded) { }

    /**
     * An administrator removes every second factor of another user who lost them (the phone and the recovery codes):
     * the authenticator app, the recovery codes and the passkeys; the user's open sessions end, and at the next
     * sign-in (with the password) the user enrols again before anything else opens. Not one's own (that is
     * {@code /account/mfa}, with a factor in hand); a reason is required. Audited with the reason, and the user is told
     * (in the app and by mail where configured) — a reset nobody asked for is then noticed.
     */
    @Transactional
    public Reset resetByAdministrator(Actor admin, String username, String reason) {
        if (!admin.roles().contains(Actor.ADMIN)) throw new org.springframework.security.access.AccessDeniedException("administrators only");
        String why = tw.yanshou.web.Texts.note("reason", reason, 500);
        if (why == null) throw new InvalidInputException("reason",
                "required: say why (e.g. the ticket of the user's request and how the user was identified)");
        if (username.equals(admin.name())) throw new ConflictException("not your own second factors",
                List.of(new Violation("username", "you cannot reset your own second factors; change them at /account/mfa")));
        var user = jdbc.sql("select vendor_id from app_user where username = ?").param(username)
                .query((rs, i) -> java.util.Objects.toString(rs.getString(1), "")).optional()
                .orElseThrow(() -> new NotFoundException("no user " + username));
        String vendorId = user.isEmpty() ? null : user;
        Status before = status(username);
        // an enrolment begun but never confirmed is no factor: the user starts it again anyway
        if (!before.any() && before.recoveryCodesLeft() == 0)
            throw new ConflictException("no second factor to reset",
                    List.of(new Violation("username", "this user has no second factor")));
        jdbc.sql("delete from mfa_totp where username = ?").param(username).update();
        jdbc.sql("delete from mfa_recovery_code where username = ?").param(username).update();
        int passkeys = jdbc.sql("delete from user_credentials c using user_entities e where e.id = c.user_entity_user_id "
                + "and e.name = ?").param(username).update();
        // after the reset commits: a reset that rolls back leaves the sessions as they were
        int ended = sessions.getIfAvailable() == null ? 0 : sessions.getObject().endAllAfterCommit(username);
        Reset reset = new Reset(username, before.totp(), passkeys, before.recoveryCodesLeft(), ended);
        audit.record(admin.name(), "MFA_RESET", null, Map.of("username", username, "reason", why, "totp", reset.totp(),
                "passkeys", passkeys, "recoveryCodes", reset.recoveryCodes(), "sessionsEnded", ended));
        events.publishEvent(new MfaChanged(username, vendorId, MfaChanged.Change.RESET, admin.name(), why));
        return reset;
    }

    /** A passkey was registered (through Spring Security's endpoint): audited and announced. */
    void passkeyAdded(Actor actor, String credentialId) {
        audit.record(actor.name(), "MFA_PASSKEY_ADDED", null, Map.of("username", actor.name(), "credential", credentialId));
        events.publishEvent(new MfaChanged(actor.name(), actor.vendorId(), MfaChanged.Change.PASSKEY_ADDED));
    }

    /**
     * A code for the second step of a sign-in: a code of the confirmed authenticator app (each time-step once) or an
     * unused recovery code (spent now). Empty: neither.
     */
    @Transactional
    public Optional<Accepted> verify(Actor actor, String code) {
        String username = actor.name();
        if (code == null) return Optional.empty();
        String typed = code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        if (typed.matches("[0-9]{6}")) {
            Optional<String> sealed = jdbc.sql("select secret from mfa_totp where username = ? and confirmed_at is not null for update")
                    .param(username).query(String.class).optional();
            return sealed.isPresent() && acceptTotp(username, box.open(sealed.get()), typed)
                    ? Optional.of(Accepted.TOTP) : Optional.empty();
        }
        if (typed.length() != RECOVERY_LENGTH) return Optional.empty();
        record Row(UUID id, String hash) { }
        List<Row> unused = jdbc.sql("select id, code_hash from mfa_recovery_code where username = ? and used_at is null for update")
                .param(username).query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2))).list();
        for (Row row : unused) {
            if (recoveryHashes.matches(typed, row.hash())) {
                jdbc.sql("update mfa_recovery_code set used_at = ? where id = ?").params(Timestamp.from(clock.instant()), row.id()).update();
                audit.record(username, "MFA_RECOVERY_CODE_USED", null, Map.of("username", username, "left", unused.size() - 1));
                events.publishEvent(new MfaChanged(username, actor.vendorId(), MfaChanged.Change.RECOVERY_CODE_USED));
                return Optional.of(Accepted.RECOVERY_CODE);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code code} is the code of the step now, the one before or the one after, and that step is later than
     * the last one accepted for the user; if so, that step becomes the last accepted (in one conditional update, so
     * that two nodes never both accept one code).
     */
    private boolean acceptTotp(String username, byte[] secret, String code) {
        if (code == null || !code.strip().matches("[0-9]{6}")) return false;
        int typed = Integer.parseInt(code.strip());
        long now = clock.instant().getEpochSecond() / STEP.getSeconds();
        SecretKeySpec key = new SecretKeySpec(secret, totp.getAlgorithm());
        for (long step = now - 1; step <= now + 1; step++) {
            int expected;
            try {
                expected = totp.generateOneTimePassword(key, Instant.ofEpochSecond(step * STEP.getSeconds()));
            } catch (InvalidKeyException e) {
                throw new IllegalStateException(e);
            }
            if (expected == typed) {
                return jdbc.sql("update mfa_totp set last_step = ? where username = ? and last_step < ?")
                        .params(step, username, step).update() == 1;
            }
        }
        return false;
    }

    private List<String> newRecoveryCodes(String username) {
        jdbc.sql("delete from mfa_recovery_code where username = ?").param(username).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder b = new StringBuilder();
            for (int j = 0; j < RECOVERY_LENGTH; j++) b.append(RECOVERY_ALPHABET[RANDOM.nextInt(RECOVERY_ALPHABET.length)]);
            String code = b.toString();
            jdbc.sql("insert into mfa_recovery_code (id, username, code_hash) values (?, ?, ?)")
                    .params(UUID.randomUUID(), username, recoveryHashes.encode(code)).update();
            codes.add(code.substring(0, 5) + "-" + code.substring(5));
        }
        return codes;
    }

    private Enrolment enrolment(String username, byte[] secret) {
        String base32 = new Base32().encodeToString(secret).replace("=", "");
        String issuer = settings.issuer();
        String label = URLEncoder.encode(issuer, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(username, StandardCharsets.UTF_8);
        return new Enrolment(base32, "otpauth://totp/" + label + "?secret=" + base32 + "&issuer="
                + URLEncoder.encode(issuer, StandardCharsets.UTF_8));
    }

    private static InvalidInputException invalidCode() {
        return new InvalidInputException(List.of(new Violation("code", "is not the code the app shows now")));
    }

    private static Instant instant(Timestamp t) { return t == null ? null : t.toInstant(); }
}
