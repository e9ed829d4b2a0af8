package tw.yanshou.security;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one way tests give a user an authenticator app without the pages: {@link SecondFactors} as the enrolment page
 * calls it (start, then confirm with a code computed by {@link Totp}). Returns the Base32 key, for {@link Totp#next}.
 * Enrolled once per user and server (a server's database lives as long as its application context).
 */
public final class TestMfa {
    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();

    private TestMfa() { }

    public static String enrol(SecondFactors factors, String username) {
        return KEYS.computeIfAbsent(System.identityHashCode(factors) + "/" + username, k -> {
            String secret = factors.startTotp(username).secret();
            factors.confirmTotp(new Actor(username, Set.of(), null), Totp.next(secret));
            return secret;
        });
    }
}
