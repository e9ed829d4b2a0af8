package tw.yanshou.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import tw.yanshou.calculus.Violation;
import tw.yanshou.web.InvalidInputException;

/**
 * What a password must be (NIST SP 800-63B §3.1.1.2): at least {@value #MIN_LENGTH} characters, at most
 * {@value #MAX_LENGTH} (any character, spaces too, no composition rules), not one of the 30,000 most common passwords
 * (shipped with the build: {@code common-passwords.txt}, from zxcvbn, MIT), nor one of them with digits or signs added
 * at the end ({@code dragon123456}), nor one character or a short run repeated ({@code aaaaaaaaaaaa},
 * {@code abcabcabcabc}), nor a sequence ({@code 123456789012}, {@code abcdefghijkl}), nor the user name or the
 * service's name with little else. Characters are counted as code points after NFC normalisation.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    /** Long enough for any passphrase; bounded so that hashing stays cheap. */
    public static final int MAX_LENGTH = 256;
    private static final Set<String> COMMON = load();
    private static final List<String> SERVICE_WORDS = List.of("yanshou", "驗收");

    private PasswordPolicy() { }

    /** Why a password is refused; {@code key} names the message ({@code account.password.<key>}). */
    public static final class Rejected extends InvalidInputException {
        private final String key;

        Rejected(String key, String message) {
            super(List.of(new Violation("password", message)));
            this.key = key;
        }

        /** The message key for pages: {@code account.password.tooShort}, {@code …common}, … */
        public String messageKey() { return "account.password." + key; }
    }

    /** Refuses a password that breaks the policy ({@link Rejected}, a 422 on the API); {@code username} may be null. */
    public static void check(String password, String username) {
        if (password == null || password.isEmpty()) throw new Rejected("tooShort", "must be at least " + MIN_LENGTH + " characters");
        String nfc = Normalizer.normalize(password, Normalizer.Form.NFC);
        int length = nfc.codePointCount(0, nfc.length());
        if (length < MIN_LENGTH) throw new Rejected("tooShort", "must be at least " + MIN_LENGTH + " characters");
        if (length > MAX_LENGTH) throw new Rejected("tooLong", "must be at most " + MAX_LENGTH + " characters");
        String lower = nfc.toLowerCase(Locale.ROOT);
        if (isCommon(lower)) throw new Rejected("common", "is one of the most common passwords");
        if (repeats(lower) || sequence(lower)) throw new Rejected("repetitive", "is a repetition or a sequence");
        if (username != null && username.length() >= 2 && mostly(lower, username.toLowerCase(Locale.ROOT)))
            throw new Rejected("username", "is too close to the user name");
        for (String word : SERVICE_WORDS)
            if (mostly(lower, word)) throw new Rejected("service", "is too close to the name of this service");
    }

    /** In the list as it is, or once digits and signs at its end (or start) are taken away. */
    static boolean isCommon(String lower) {
        if (COMMON.contains(lower)) return true;
        String stripped = lower.replaceAll("[\\d\\p{Punct}\\s]+$", "").replaceAll("^[\\d\\p{Punct}\\s]+", "");
        return stripped.length() >= 4 && !stripped.equals(lower) && COMMON.contains(stripped);
    }

    /** One character, or a run of up to four, repeated throughout: aaaaaaaaaaaa, abababababab, abcdabcdabcd. */
    static boolean repeats(String s) {
        int[] cps = s.codePoints().toArray();
        for (int unit = 1; unit <= 4 && unit * 2 <= cps.length; unit++) {
            boolean all = true;
            for (int i = unit; i < cps.length && all; i++) all = cps[i] == cps[i - unit];
            if (all) return true;
        }
        return false;
    }

    /** Every character one up or one down from the one before it: 123456789012 (0 after 9), abcdefghijkl, zyxw…. */
    static boolean sequence(String s) {
        int[] cps = s.codePoints().toArray();
        for (int step : new int[] {1, -1}) {
            boolean all = true;
            for (int i = 1; i < cps.length && all; i++) {
                int d = cps[i] - cps[i - 1];
                all = d == step || (Character.isDigit(cps[i]) && Math.floorMod(d, 10) == Math.floorMod(step, 10));
            }
            if (all) return true;
        }
        return false;
    }

    /** The word makes up at least half of the password. */
    private static boolean mostly(String lower, String word) {
        return lower.contains(word) && word.length() * 2 >= lower.length();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(40_000);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) throw new IllegalStateException("common-passwords.txt is missing from the build");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; )
                if (!line.isBlank() && !line.startsWith("#")) words.add(line.strip().toLowerCase(Locale.ROOT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }

    static int listSize() { return COMMON.size(); }
}
