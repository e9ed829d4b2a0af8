package tw.yanshou.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What counts as one device: the browser and system family (no versions) and the address's network. */
class SignInDevicesTest {

    @Test
    void familiesLeaveVersionsOutAndTellBrowsersBuiltOnChromeApart() {
        assertThat(SignInDevices.family("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.0.0 Safari/537.36")).isEqualTo("Chrome / Windows");
        assertThat(SignInDevices.family("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86")).isEqualTo("Edge / Windows");
        assertThat(SignInDevices.family("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")).isEqualTo("Safari / iOS");
        assertThat(SignInDevices.family("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                + "Version/17.5 Safari/605.1.15")).isEqualTo("Safari / macOS");
        assertThat(SignInDevices.family("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.0.0 Mobile Safari/537.36")).isEqualTo("Chrome / Android");
        assertThat(SignInDevices.family("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"))
                .isEqualTo("Firefox / Linux");
        assertThat(SignInDevices.family("curl/8.5.0")).isEqualTo("curl");
        assertThat(SignInDevices.family(null)).isEqualTo("unknown");
    }

    @Test
    void networksAreTheIpv4SlashTwentyFourAndTheIpv6SlashFortyEight() {
        assertThat(SignInDevices.network("203.0.113.7")).isEqualTo("203.0.113.0/24");
        assertThat(SignInDevices.network("203.0.113.254")).isEqualTo("203.0.113.0/24");
        assertThat(SignInDevices.network("2001:db8:abcd:12::1")).isEqualTo("2001:db8:abcd::/48");
        assertThat(SignInDevices.network("2001:0db8:abcd:ffff:0:0:0:2")).isEqualTo("2001:db8:abcd::/48");
        assertThat(SignInDevices.network("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0::/48");
    }
}
