package tw.yanshou.web;

import java.util.List;

import tw.yanshou.calculus.Violation;

/**
 * The one check of the characters of a text someone typed (a reason, a note, a name in a contract file): no control
 * character (tab and line breaks only where lines are allowed) and no unpaired surrogate — PostgreSQL refuses U+0000
 * in text and JSON, and a lone surrogate is not Unicode at all, so either would otherwise end as a 500 deep inside.
 */
public final class Texts {
    private Texts() { }

    /** What is wrong with the characters of {@code text}, or null. */
    public static String characterProblem(String text, boolean lines) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c))
                return "holds an unpaired surrogate (U+" + hex(c) + " at character " + (i + 1) + "): the text is not valid Unicode";
            if (c == '\t' || c == '\n' || c == '\r') {
                if (lines) continue;
                return "must be one line without tabs (a " + (c == '\t' ? "tab" : "line break") + " at character " + (i + 1) + ")";
            }
            if (Character.getType(c) == Character.CONTROL)
                return "holds the control character U+" + hex(c) + " at character " + (i + 1) + "; remove it";
        }
        return null;
    }

    /**
     * A reason or note as given (stripped; null or blank: null), at most {@code max} characters (code points), lines
     * allowed; a 422 naming {@code field} otherwise.
     */
    public static String note(String field, String text, int max) {
        if (text == null || text.isBlank()) return null;
        String t = text.strip();
        if (t.codePointCount(0, t.length()) > max)
            throw new InvalidInputException(List.of(new Violation(field, "at most " + max + " characters")));
        String problem = characterProblem(t, true);
        if (problem != null) throw new InvalidInputException(List.of(new Violation(field, problem)));
        return t;
    }

    static String hex(char c) { return String.format("%04X", (int) c); }
}
