package tw.yanshou.security;

import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;


/**
 * On an empty database: {@code YANSHOU_BOOTSTRAP_TOKEN} becomes the first administrator token (stored hashed) and
 * {@code YANSHOU_ADMIN_USERNAME} / {@code YANSHOU_ADMIN_PASSWORD} the first administrator, who also operates the
 * process engine (Cockpit). Without them nobody can sign in: there are no default credentials. Like all staff, the
 * administrator must set up a second factor at the first sign-in before anything else opens.
 */
@Component
class Bootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);
    static final String CAMUNDA_ADMINS = "camunda-admin";

    private final Accounts accounts;
    private final tw.yanshou.audit.AuditLog audit;
    private final IdentityService identity;
    private final String token;
    private final String adminUsername;
    private final String adminPassword;

    Bootstrap(Accounts accounts, tw.yanshou.audit.AuditLog audit, IdentityService identity, @Value("${yanshou.bootstrap-token:}") String token,
              @Value("${yanshou.admin-username:}") String adminUsername, @Value("${yanshou.admin-password:}") String adminPassword) {
        this.accounts = accounts;
        this.audit = audit;
        this.identity = identity;
        this.token = token;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!accounts.hasTokens()) {
            if (token.isBlank()) {
                log.warn("No API token exists and YANSHOU_BOOTSTRAP_TOKEN is not set: the API cannot be used yet");
            } else {
                if (token.length() < 32) throw new IllegalStateException("YANSHOU_BOOTSTRAP_TOKEN must be at least 32 characters");
                UUID id = UUID.randomUUID();
                accounts.storeToken(id, "bootstrap", token, "bootstrap", Set.of(Actor.ADMIN), null, null, "bootstrap");
                audit.record("bootstrap", "TOKEN_ISSUED", null, java.util.Map.of("token", id.toString(), "name", "bootstrap",
                        "roles", Set.of(Actor.ADMIN)));
                log.info("Created the bootstrap administrator token");
            }
        }
        if (!accounts.hasUsers() && !adminUsername.isBlank()) {
            try {
                accounts.createFirstAdmin(adminUsername, adminPassword);
            } catch (PasswordPolicy.Rejected e) {
                throw new IllegalStateException("YANSHOU_ADMIN_PASSWORD " + e.violations().get(0).message()
                        + " (at least " + PasswordPolicy.MIN_LENGTH + " characters, not a common password)", e);
            }
            engineAdmin(adminUsername);
            log.info("Created the administrator {}: at the first sign-in they set up a second factor (/account/mfa)", adminUsername);
        }
    }

    /** The administrator in the engine's own identity store, member of camunda-admin, so Cockpit knows them. */
    private void engineAdmin(String username) {
        if (identity.createGroupQuery().groupId(CAMUNDA_ADMINS).count() == 0) {
            Group group = identity.newGroup(CAMUNDA_ADMINS);
            group.setName("Camunda administrators");
            group.setType("SYSTEM");
            identity.saveGroup(group);
        }
        if (identity.createUserQuery().userId(username).count() == 0) {
            User user = identity.newUser(username);
            user.setFirstName(username);
            user.setLastName("");
            user.setPassword(UUID.randomUUID() + "-" + UUID.randomUUID());
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(username).memberOfGroup(CAMUNDA_ADMINS).count() == 0)
            identity.createMembership(username, CAMUNDA_ADMINS);
    }
}
