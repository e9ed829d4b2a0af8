package tw.yanshou.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Passkeys with Spring Security's WebAuthn support: its JDBC repositories ({@code user_entities},
 * {@code user_credentials}, V8), so every node knows every passkey; the relying party of
 * {@code yanshou.security.mfa.webauthn.*} (without origins: {@code http://localhost:<port>} of this server, known once
 * it listens); a new passkey audited and announced as {@link MfaChanged}.
 */
@Configuration(proxyBeanMethods = false)
class Passkeys {

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    UserCredentialRepository passkeyCredentials(JdbcOperations jdbc, PublicKeyCredentialUserEntityRepository users,
                                                ObjectProvider<SecondFactors> factors, ObjectProvider<Accounts> accounts) {
        return new Announcing(new JdbcUserCredentialRepository(jdbc), users, factors, accounts);
    }

    @Bean
    RelyingParty passkeyRelyingParty(PublicKeyCredentialUserEntityRepository users, UserCredentialRepository credentials,
                                     MfaSettings settings) {
        return new RelyingParty(users, credentials, settings.webauthn());
    }

    /** The credentials' store, telling of each new passkey once it is saved. */
    static final class Announcing implements UserCredentialRepository {
        private final UserCredentialRepository delegate;
        private final PublicKeyCredentialUserEntityRepository users;
        private final ObjectProvider<SecondFactors> factors;
        private final ObjectProvider<Accounts> accounts;

        Announcing(UserCredentialRepository delegate, PublicKeyCredentialUserEntityRepository users,
                   ObjectProvider<SecondFactors> factors, ObjectProvider<Accounts> accounts) {
            this.delegate = delegate;
            this.users = users;
            this.factors = factors;
            this.accounts = accounts;
        }

        @Override public void delete(Bytes id) { delegate.delete(id); }

        @Override
        public void save(CredentialRecord record) {
            boolean known = delegate.findByCredentialId(record.getCredentialId()) != null;
            delegate.save(record);
            if (known) return;   // a sign-in updating its counter and last use
            PublicKeyCredentialUserEntity user = users.findById(record.getUserEntityUserId());
            if (user == null) return;
            Actor actor = accounts.getObject().loadUserByUsername(user.getName()).actor();
            factors.getObject().passkeyAdded(actor, record.getCredentialId().toBase64UrlString());
        }

        @Override public CredentialRecord findByCredentialId(Bytes id) { return delegate.findByCredentialId(id); }

        @Override public List<CredentialRecord> findByUserId(Bytes id) { return delegate.findByUserId(id); }
    }

    /**
     * Spring Security's relying party (webauthn4j), made when first used: by then the server knows its port, the
     * origin of a local server (and of the tests).
     */
    static final class RelyingParty implements WebAuthnRelyingPartyOperations, ApplicationListener<WebServerInitializedEvent> {
        private final PublicKeyCredentialUserEntityRepository users;
        private final UserCredentialRepository credentials;
        private final MfaSettings.WebAuthn settings;
        private volatile int port = 8080;
        private volatile WebAuthnRelyingPartyOperations delegate;

        RelyingParty(PublicKeyCredentialUserEntityRepository users, UserCredentialRepository credentials,
                     MfaSettings.WebAuthn settings) {
            this.users = users;
            this.credentials = credentials;
            this.settings = settings;
        }

        @Override
        public void onApplicationEvent(WebServerInitializedEvent event) {
            // the application's server, not a separate management one
            if (event.getApplicationContext().getServerNamespace() == null) port = event.getWebServer().getPort();
        }

        Set<String> origins() {
            Set<String> configured = new LinkedHashSet<>();
            for (String o : settings.allowedOrigins()) if (o != null && !o.isBlank()) configured.add(o.strip());
            if (!configured.isEmpty()) return configured;
            return Set.of("http://" + settings.rpId() + ":" + port);
        }

        private WebAuthnRelyingPartyOperations delegate() {
            WebAuthnRelyingPartyOperations d = delegate;
            if (d == null) {
                synchronized (this) {
                    if (delegate == null) delegate = new Webauthn4JRelyingPartyOperations(users, credentials,
                            PublicKeyCredentialRpEntity.builder().id(settings.rpId()).name(settings.rpName()).build(), origins());
                    d = delegate;
                }
            }
            return d;
        }

        @Override
        public PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(PublicKeyCredentialCreationOptionsRequest r) {
            return delegate().createPublicKeyCredentialCreationOptions(r);
        }

        @Override
        public CredentialRecord registerCredential(RelyingPartyRegistrationRequest r) { return delegate().registerCredential(r); }

        @Override
        public PublicKeyCredentialRequestOptions createCredentialRequestOptions(PublicKeyCredentialRequestOptionsRequest r) {
            return delegate().createCredentialRequestOptions(r);
        }

        @Override
        public PublicKeyCredentialUserEntity authenticate(RelyingPartyAuthenticationRequest r) { return delegate().authenticate(r); }
    }

    /**
     * The options of a registration under way, kept on this node for five minutes by session id: Spring Security's
     * own repository puts them in the session, but they are not serializable and sessions live in PostgreSQL. The two
     * requests of one registration (a second or two apart) must so reach the same node; any node signs in with the
     * passkey after.
     */
    static final class CreationOptions implements PublicKeyCredentialCreationOptionsRepository {
        private record Kept(PublicKeyCredentialCreationOptions options, Instant at) { }

        private final Map<String, Kept> kept = new ConcurrentHashMap<>();

        @Override
        public void save(HttpServletRequest request, HttpServletResponse response, PublicKeyCredentialCreationOptions options) {
            Instant now = Instant.now();
            kept.values().removeIf(k -> k.at().plus(Duration.ofMinutes(5)).isBefore(now));
            HttpSession session = request.getSession();
            if (options == null) kept.remove(session.getId());
            else kept.put(session.getId(), new Kept(options, now));
        }

        @Override
        public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
            HttpSession session = request.getSession(false);
            if (session == null) return null;
            Kept k = kept.get(session.getId());
            return k == null || k.at().plus(Duration.ofMinutes(5)).isBefore(Instant.now()) ? null : k.options();
        }
    }
}
