package tw.yanshou.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tw.yanshou.audit.AuditLog;
import tw.yanshou.calculus.Violation;
import tw.yanshou.web.InvalidInputException;
import tw.yanshou.web.NotFoundException;

/**
 * Users and API tokens. Tokens are random (256 bits), shown once and stored as SHA-256 hashes; passwords as
 * PBKDF2-HMAC-SHA256 hashes ({@link PasswordHashing}; older bcrypt hashes still verify and are replaced at the next
 * sign-in), checked against {@link PasswordPolicy} wherever one is set. Nothing has a default password.
 */
@Component
public class Accounts implements UserDetailsService, UserDetailsPasswordService {
    public static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AuditLog audit;

    private final org.springframework.beans.factory.ObjectProvider<Sessions> sessions;

    Accounts(JdbcClient jdbc, PasswordEncoder passwords, AuditLog audit,
             org.springframework.beans.factory.ObjectProvider<Sessions> sessions) {
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
    }

    /** A new token, returned in clear once. */
    public record IssuedToken(UUID id, String name, String token, Set<String> roles, String vendorId) { }

    /** A user as an administrator sees it (no password hash). */
    public record UserView(String username, Set<String> roles, String vendorId, boolean enabled, Instant createdAt) { }

    /** A token as an administrator sees it (never the token itself). */
    public record TokenView(UUID id, String name, String username, Set<String> roles, String vendorId, Instant createdAt,
                            String createdBy, Instant expiresAt, Instant revokedAt) {
        public boolean active() {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(Instant.now()));
        }
    }

    public List<UserView> users() {
        return jdbc.sql("select username, roles, vendor_id, enabled, created_at from app_user order by username")
                .query((rs, n) -> new UserView(rs.getString(1), roles(rs.getString(2)), rs.getString(3), rs.getBoolean(4),
                        rs.getTimestamp(5).toInstant())).list();
    }

    public List<TokenView> tokens() {
        return jdbc.sql("select id, name, username, roles, vendor_id, created_at, created_by, expires_at, revoked_at "
                        + "from api_token order by revoked_at nulls first, created_at desc")
                .query((rs, n) -> new TokenView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        roles(rs.getString(4)), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7),
                        instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)))).list();
    }

    /**
     * Changes a user's roles, vendor id and whether it may sign in; a disabled user's tokens stop working too. An
     * administrator cannot disable or demote themselves (someone must be left to undo it).
     */
    @Transactional
    public void updateUser(String username, Set<String> roles, String vendorId, boolean enabled, String by) {
        checkRoles(roles, vendorId);
        if (username.equals(by) && (!enabled || !roles.contains(Actor.ADMIN)))
            throw invalid(enabled ? "roles" : "enabled", "you cannot take your own administrator rights away");
        String vendor = roles.contains(Actor.VENDOR) ? vendorId.strip() : null;
        int n = jdbc.sql("update app_user set roles = ?, vendor_id = ?, enabled = ? where username = ?")
                .params(String.join(",", roles), vendor, enabled, username).update();
        if (n == 0) throw new NotFoundException("no user " + username);
        audit.record(by, "USER_UPDATED", null, Map.of("username", username, "roles", roles, "enabled", enabled));
        // a disabled account (or one whose roles changed) signs in again: its open sessions end
        sessions.ifAvailable(s -> s.endAllAfterCommit(username));
    }

    /**
     * An administrator ends every open session of another user (a lost laptop, a colleague who left): the user signs
     * in again on every device. Not one's own (that is {@code /account}, which keeps the session in use). Audited with
     * the count; returns it.
     */
    @Transactional
    public int endSessionsOf(Actor admin, String username) {
        if (!admin.roles().contains(Actor.ADMIN)) throw new org.springframework.security.access.AccessDeniedException("administrators only");
        if (username.equals(admin.name())) throw new tw.yanshou.web.ConflictException("not your own sessions",
                java.util.List.of(new tw.yanshou.calculus.Violation("username",
                        "you cannot end your own sessions here; end the others at /account")));
        if (jdbc.sql("select count(*) from app_user where username = ?").param(username).query(Long.class).single() == 0)
            throw new NotFoundException("no user " + username);
        int open = sessions.getIfAvailable() == null ? 0 : sessions.getObject().endAllAfterCommit(username);
        audit.record(admin.name(), "SESSIONS_ENDED", null, Map.of("username", username, "sessions", open));
        return open;
    }

    /** How many sessions each user has open now (users without one are left out). */
    public Map<String, Integer> openSessions() {
        return sessions.getIfAvailable() == null ? Map.of() : sessions.getObject().openByUser();
    }

    private static Instant instant(java.sql.Timestamp t) { return t == null ? null : t.toInstant(); }

    @Override
    public YanshouUser loadUserByUsername(String username) {
        return jdbc.sql("select username, password_hash, roles, vendor_id, enabled from app_user where username = ?")
                .param(username)
                .query((rs, n) -> new YanshouUser(rs.getString(1), rs.getString(2),
                        new Actor(rs.getString(1), roles(rs.getString(3)), rs.getString(4)), rs.getBoolean(5)))
                .optional().orElseThrow(() -> new UsernameNotFoundException("no user " + username));
    }

    /** The actor of a valid token: known, not revoked, not expired, and not of a disabled user. */
    public Optional<Actor> authenticate(String token) {
        return jdbc.sql("select username, roles, vendor_id from api_token t where token_hash = ? and revoked_at is null "
                        + "and (expires_at is null or expires_at > now()) "
                        + "and not exists (select 1 from app_user u where u.username = t.username and not u.enabled)")
                .param(hash(token))
                .query((rs, n) -> new Actor(rs.getString(1), roles(rs.getString(2)), rs.getString(3)))
                .optional();
    }

    @Transactional
    public IssuedToken issueToken(String name, String username, Set<String> roles, String vendorId, Instant expiresAt, String issuedBy) {
        checkRoles(roles, vendorId);
        if (name == null || name.isBlank()) throw invalid("name", "give the token a name");
        if (name.length() > 100) throw invalid("name", "at most 100 characters");
        if (username != null && username.length() > 100) throw invalid("username", "at most 100 characters");
        String token = "ys_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
        UUID id = UUID.randomUUID();
        storeToken(id, name, token, username == null ? name : username, roles, vendorId, expiresAt, issuedBy);
        audit.record(issuedBy, "TOKEN_ISSUED", null, Map.of("token", id.toString(), "name", name, "roles", roles));
        return new IssuedToken(id, name, token, Set.copyOf(roles), vendorId);
    }

    void storeToken(UUID id, String name, String token, String username, Set<String> roles, String vendorId, Instant expiresAt,
                    String issuedBy) {
        jdbc.sql("insert into api_token (id, name, token_hash, username, roles, vendor_id, created_by, expires_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (token_hash) do nothing")
                .params(id, name, hash(token), username, String.join(",", roles), vendorId, issuedBy,
                        expiresAt == null ? null : java.sql.Timestamp.from(expiresAt))
                .update();
    }

    @Transactional
    public void revokeToken(UUID id, String by) {
        int n = jdbc.sql("update api_token set revoked_at = now() where id = ? and revoked_at is null").param(id).update();
        if (n == 0) throw new NotFoundException("no active token " + id);
        audit.record(by, "TOKEN_REVOKED", null, Map.of("token", id.toString()));
    }

    @Transactional
    public void createUser(String username, String password, Set<String> roles, String vendorId, String by) {
        checkRoles(roles, vendorId);
        if (username == null || !username.matches("[A-Za-z0-9._@-]{2,100}"))
            throw invalid("username", "2–100 letters, digits or . _ @ -");
        PasswordPolicy.check(password, username);
        if (jdbc.sql("select count(*) from app_user where username = ?").param(username).query(Long.class).single() > 0)
            throw new tw.yanshou.web.ConflictException("user " + username + " already exists",
                    List.of(new Violation("username", "already exists")));
        jdbc.sql("insert into app_user (username, password_hash, roles, vendor_id) values (?, ?, ?, ?)")
                .params(username, passwords.encode(password), String.join(",", roles), vendorId).update();
        audit.record(by, "USER_CREATED", null, Map.of("username", username, "roles", roles));
    }

    /** Refuses a password that breaks {@link PasswordPolicy} (422, field {@code password}). */
    public static void checkPassword(String password, String username) { PasswordPolicy.check(password, username); }

    /**
     * A user's new password, set by the user (who must give the current one) or, with {@code current} null, by an
     * administrator; checked against the policy, audited (never the password).
     */
    @Transactional
    public void changePassword(String username, String current, String password, String by) {
        if (current != null) {
            String hash = jdbc.sql("select password_hash from app_user where username = ?").param(username)
                    .query(String.class).optional().orElseThrow(() -> new NotFoundException("no user " + username));
            if (!passwords.matches(current, hash)) throw invalid("currentPassword", "is not your current password");
        }
        PasswordPolicy.check(password, username);
        int n = jdbc.sql("update app_user set password_hash = ? where username = ?")
                .params(passwords.encode(password), username).update();
        if (n == 0) throw new NotFoundException("no user " + username);
        audit.record(by, "PASSWORD_CHANGED", null, Map.of("username", username));
    }

    /** After a sign-in with a hash of an older kind: the same password, hashed as new ones are. */
    @Override
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        jdbc.sql("update app_user set password_hash = ? where username = ?").params(newPassword, user.getUsername()).update();
        if (user instanceof YanshouUser u) return new YanshouUser(u.username(), newPassword, u.actor(), u.enabled());
        return loadUserByUsername(user.getUsername());
    }

    /** The first administrator; another node starting at the same moment may have created it already. */
    void createFirstAdmin(String username, String password) {
        PasswordPolicy.check(password, username);
        int created = jdbc.sql("insert into app_user (username, password_hash, roles) values (?, ?, ?) on conflict do nothing")
                .params(username, passwords.encode(password), Actor.ADMIN).update();
        if (created > 0) audit.record("bootstrap", "USER_CREATED", null, Map.of("username", username, "roles", Set.of(Actor.ADMIN)));
    }

    boolean hasTokens() { return jdbc.sql("select count(*) from api_token").query(Long.class).single() > 0; }

    boolean hasUsers() { return jdbc.sql("select count(*) from app_user").query(Long.class).single() > 0; }

    private static void checkRoles(Set<String> roles, String vendorId) {
        if (roles == null || roles.isEmpty())
            throw invalid("roles", "one or more of " + String.join(", ", Actor.ROLES));
        for (String role : roles)
            if (!Actor.ROLES.contains(role))
                throw invalid("roles", (role == null ? "null" : "\"" + abbreviate(role) + "\"") + " is not a role: one or more of "
                        + String.join(", ", Actor.ROLES));
        if (roles.contains(Actor.VENDOR) && (vendorId == null || vendorId.isBlank()))
            throw invalid("vendorId", "a vendor account needs the vendor id whose contracts it sees");
        if (roles.contains(Actor.VENDOR) && roles.size() > 1)
            throw invalid("roles", "a vendor account has no staff roles");
        if (vendorId != null && vendorId.strip().length() > 100) throw invalid("vendorId", "at most 100 characters");
    }

    private static String abbreviate(String s) { return s.length() > 40 ? s.substring(0, 40) + "…" : s; }

    private static InvalidInputException invalid(String path, String message) {
        return new InvalidInputException(List.of(new Violation(path, message)));
    }

    static Set<String> roles(String csv) {
        return new LinkedHashSet<>(Arrays.asList(csv.split(",")));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
