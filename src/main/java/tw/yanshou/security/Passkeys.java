package tw.yanshou.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
     * The options of a registration under way, in the user's session like Spring Security's own repository — but
     * Spring's options object is not {@link java.io.Serializable} and sessions live in PostgreSQL (Spring Session
     * JDBC), so what is kept is {@link Kept}, a serializable copy of every field. The two requests of one registration
     * may so reach different nodes. Kept five minutes at most (the browser's own timeout is shorter).
     */
    static final class CreationOptions implements PublicKeyCredentialCreationOptionsRepository {
        static final String ATTRIBUTE = CreationOptions.class.getName() + ".OPTIONS";
        private static final Duration KEPT_FOR = Duration.ofMinutes(5);

        @Override
        public void save(HttpServletRequest request, HttpServletResponse response, PublicKeyCredentialCreationOptions options) {
            HttpSession session = request.getSession();
            if (options == null) session.removeAttribute(ATTRIBUTE);
            else session.setAttribute(ATTRIBUTE, Kept.of(options, Instant.now()));
        }

        @Override
        public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
            HttpSession session = request.getSession(false);
            if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof Kept kept)) return null;
            if (kept.at().plus(KEPT_FOR).isBefore(Instant.now())) return null;
            return kept.options();
        }
    }

    /**
     * A registration's options as plain values: the library's value types by their WebAuthn names (mapped back to
     * its constants, which some code compares by identity), byte strings as bytes, the extensions (serializable in
     * the library) as they are.
     */
    record Kept(String rpId, String rpName, String userName, byte[] userId, String userDisplayName, byte[] challenge,
                List<Long> algorithms, Duration timeout, List<Descriptor> exclude, String attachment, String residentKey,
                String userVerification, String attestation,
                org.springframework.security.web.webauthn.api.AuthenticationExtensionsClientInputs extensions,
                Instant at) implements java.io.Serializable {

        record Descriptor(String type, byte[] id, List<String> transports) implements java.io.Serializable { }

        static Kept of(PublicKeyCredentialCreationOptions o, Instant at) {
            var selection = o.getAuthenticatorSelection();
            List<Descriptor> exclude = o.getExcludeCredentials() == null ? null : o.getExcludeCredentials().stream()
                    .map(d -> new Descriptor(d.getType() == null ? null : d.getType().getValue(), bytes(d.getId()),
                            d.getTransports() == null ? null : d.getTransports().stream().map(t -> t.getValue()).toList()))
                    .toList();
            return new Kept(o.getRp() == null ? null : o.getRp().getId(), o.getRp() == null ? null : o.getRp().getName(),
                    o.getUser() == null ? null : o.getUser().getName(), o.getUser() == null ? null : bytes(o.getUser().getId()),
                    o.getUser() == null ? null : o.getUser().getDisplayName(), bytes(o.getChallenge()),
                    o.getPubKeyCredParams() == null ? null : o.getPubKeyCredParams().stream().map(p -> p.getAlg().getValue()).toList(),
                    o.getTimeout(), exclude,
                    selection == null || selection.getAuthenticatorAttachment() == null ? null : selection.getAuthenticatorAttachment().getValue(),
                    selection == null || selection.getResidentKey() == null ? null : selection.getResidentKey().getValue(),
                    selection == null || selection.getUserVerification() == null ? null : selection.getUserVerification().getValue(),
                    o.getAttestation() == null ? null : o.getAttestation().getValue(), o.getExtensions(), at);
        }

        PublicKeyCredentialCreationOptions options() {
            var b = PublicKeyCredentialCreationOptions.builder()
                    .rp(PublicKeyCredentialRpEntity.builder().id(rpId).name(rpName).build())
                    .user(org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity.builder()
                            .name(userName).id(userId == null ? null : new Bytes(userId)).displayName(userDisplayName).build())
                    .challenge(challenge == null ? null : new Bytes(challenge))
                    .timeout(timeout).extensions(extensions);
            if (algorithms != null) b.pubKeyCredParams(algorithms.stream().map(Kept::parameters).toList());
            if (exclude != null) b.excludeCredentials(exclude.stream().map(d -> {
                var descriptor = org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor.builder()
                        .type(d.type() == null ? null : org.springframework.security.web.webauthn.api.PublicKeyCredentialType.valueOf(d.type()))
                        .id(d.id() == null ? null : new Bytes(d.id()));
                if (d.transports() != null) descriptor.transports(d.transports().stream()
                        .map(org.springframework.security.web.webauthn.api.AuthenticatorTransport::valueOf)
                        .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
                return descriptor.build();
            }).toList());
            if (attachment != null || residentKey != null || userVerification != null) {
                b.authenticatorSelection(org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria.builder()
                        .authenticatorAttachment(attachment == null ? null
                                : org.springframework.security.web.webauthn.api.AuthenticatorAttachment.valueOf(attachment))
                        .residentKey(residentKey == null ? null
                                : org.springframework.security.web.webauthn.api.ResidentKeyRequirement.valueOf(residentKey))
                        .userVerification(userVerification == null ? null : userVerification(userVerification))
                        .build());
            }
            if (attestation != null) b.attestation(org.springframework.security.web.webauthn.api.AttestationConveyancePreference.valueOf(attestation));
            return b.build();
        }

        private static byte[] bytes(Bytes b) { return b == null ? null : b.getBytes(); }

        private static org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters parameters(long alg) {
            for (var p : List.of(org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters.EdDSA,
                    org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters.ES256,
                    org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters.ES384,
                    org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters.ES512,
                    org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters.RS256,
                    org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters.RS384,
                    org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters.RS512,
                    org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters.RS1)) {
                if (p.getAlg().getValue() == alg) return p;
            }
            throw new IllegalStateException("no public key parameters for COSE algorithm " + alg);
        }

        private static org.springframework.security.web.webauthn.api.UserVerificationRequirement userVerification(String value) {
            for (var u : List.of(org.springframework.security.web.webauthn.api.UserVerificationRequirement.DISCOURAGED,
                    org.springframework.security.web.webauthn.api.UserVerificationRequirement.PREFERRED,
                    org.springframework.security.web.webauthn.api.UserVerificationRequirement.REQUIRED)) {
                if (u.getValue().equals(value)) return u;
            }
            throw new IllegalStateException("unknown user verification requirement " + value);
        }
    }
}
