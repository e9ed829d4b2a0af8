package tw.yanshou.security;

import java.util.Map;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm;

/**
 * How passwords are hashed: PBKDF2-HMAC-SHA256 with a random 16-byte salt and 600,000 iterations (OWASP's figure for
 * this function; NIST SP 800-132), stored as {@code {pbkdf2-sha256}<hex salt+hash>}. PBKDF2 takes the whole password
 * (bcrypt reads only its first 72 bytes and Spring's bcrypt refuses longer ones), needs only the JDK, and costs CPU
 * but no memory per attempt (Argon2's 16 MiB per attempt would let a burst of sign-ins exhaust a bounded heap).
 * Hashes of the earlier kind ({@code {bcrypt}…}) still verify, and are rehashed at the next sign-in; a password bcrypt
 * cannot take (over 72 bytes) simply does not match such a hash, never an error.
 */
final class PasswordHashing {
    static final String ID = "pbkdf2-sha256";
    static final int ITERATIONS = 600_000;

    private PasswordHashing() { }

    static PasswordEncoder encoder() {
        PasswordEncoder pbkdf2 = new Pbkdf2PasswordEncoder("", 16, ITERATIONS, SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256);
        PasswordEncoder bcrypt = new BCryptPasswordEncoder() {
            @Override
            public boolean matches(CharSequence raw, String encoded) {
                try {
                    return super.matches(raw, encoded);
                } catch (IllegalArgumentException longerThanBcryptTakes) {
                    return false;
                }
            }
        };
        return new DelegatingPasswordEncoder(ID, Map.of(ID, pbkdf2, "bcrypt", bcrypt));
    }
}
