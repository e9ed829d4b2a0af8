package tw.yanshou.security;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Second factors ({@code yanshou.security.mfa.*}): whether vendors must have one too (staff always must), the key
 * that encrypts the authenticator-app keys in the database — {@code key} (base64 of 32 bytes, the same on every
 * node of a cluster) or, without it, a key file made on first use — and the name apps show ({@code issuer}).
 * Passkeys ({@code webauthn}): the relying party id (the host name the passkeys belong to) and the origins where the
 * browser may use them; without origins, {@code http://localhost:<port>} of this server.
 */
@ConfigurationProperties("yanshou.security.mfa")
record MfaSettings(
        @DefaultValue("true") boolean vendorsRequired,
        String key,
        @DefaultValue("./data/mfa.key") Path keyFile,
        @DefaultValue("Yanshou") String issuer,
        @DefaultValue WebAuthn webauthn) {

    record WebAuthn(@DefaultValue("localhost") String rpId, @DefaultValue("Yanshou 驗收") String rpName,
                    @DefaultValue List<String> allowedOrigins) { }
}
