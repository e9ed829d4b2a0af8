package tw.yanshou.desk;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import tw.yanshou.infrastructure.OfficeClock;
import tw.yanshou.infrastructure.Retrying;
import tw.yanshou.security.Accounts;
import tw.yanshou.security.SecurityForSlices;

/** What every slice of the desk needs: the real security rules, formatting and form reading; accounts mocked. */
@TestPropertySource(properties = {
        // the mocked Accounts is the only UserDetailsService, as in the server
        "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
        // MockMvc reads the body as UTF-8 (the server's Thymeleaf pages are UTF-8)
        "server.servlet.encoding.force-response=true"})
@Import({SecurityForSlices.class, Format.class, Forms.class, Retrying.class, OfficeClock.class})
abstract class DeskSlice {
    @Autowired
    protected MockMvc mvc;

    @MockitoBean
    protected Accounts accounts;
}
