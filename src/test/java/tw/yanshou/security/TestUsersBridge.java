package tw.yanshou.security;

import org.springframework.security.core.userdetails.UserDetails;

/** Makes the server's signed-in user type for slice tests of other modules. */
public final class TestUsersBridge {
    private TestUsersBridge() { }

    public static UserDetails user(String name, String hash, Actor actor) { return new YanshouUser(name, hash, actor, true); }
}
