package dev.newsroom.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trusted-proxy ranges and the walk through X-Forwarded-For, without a server. */
class ClientAddressTest {

    private static final TrustedProxies INGRESS =
            TrustedProxies.parse(List.of("10.0.0.0/8", "fd00::/8"));

    @Test
    void anUntrustedPeerIsTheClientWhateverItForwards() throws Exception {
        InetAddress peer = InetAddress.getByName("203.0.113.9");
        assertThat(ClientAddress.resolve(peer, List.of("198.51.100.1"), INGRESS).key())
                .isEqualTo("203.0.113.9");
        assertThat(
                        ClientAddress.resolve(
                                        peer,
                                        List.of("198.51.100.1"),
                                        TrustedProxies.parse(List.of()))
                                .key())
                .isEqualTo("203.0.113.9");
    }

    @Test
    void theWalkStopsAtTheFirstUntrustedHopFromTheRight() throws Exception {
        InetAddress ingress = InetAddress.getByName("10.1.2.3");
        assertThat(
                        ClientAddress.resolve(
                                        ingress,
                                        List.of("1.1.1.1, 198.51.100.7, 10.9.9.9"),
                                        INGRESS)
                                .key())
                .isEqualTo("198.51.100.7");
        assertThat(
                        ClientAddress.resolve(ingress, List.of("198.51.100.7", "10.9.9.9"), INGRESS)
                                .key())
                .isEqualTo("198.51.100.7");
        // everything trusted: the leftmost hop is as far as anyone can see
        assertThat(ClientAddress.resolve(ingress, List.of("10.5.5.5"), INGRESS).key())
                .isEqualTo("10.5.5.5");
        assertThat(ClientAddress.resolve(ingress, null, INGRESS).key()).isEqualTo("10.1.2.3");
        // a name is not an address: no lookup, the walk stops at the last trusted hop
        assertThat(ClientAddress.resolve(ingress, List.of("example.com"), INGRESS).key())
                .isEqualTo("10.1.2.3");
    }

    @Test
    void rangesAreCidrs() throws Exception {
        TrustedProxies proxies =
                TrustedProxies.parse(List.of("192.168.4.0/22", " 2001:db8::/32 ", "198.51.100.1"));
        assertThat(proxies.contains(InetAddress.getByName("192.168.7.255"))).isTrue();
        assertThat(proxies.contains(InetAddress.getByName("192.168.8.0"))).isFalse();
        assertThat(proxies.contains(InetAddress.getByName("2001:db8:ffff::1"))).isTrue();
        assertThat(proxies.contains(InetAddress.getByName("2001:db9::1"))).isFalse();
        assertThat(proxies.contains(InetAddress.getByName("198.51.100.1"))).isTrue();
        assertThat(proxies.contains(InetAddress.getByName("198.51.100.2"))).isFalse();
        assertThatThrownBy(() -> TrustedProxies.parse(List.of("10.0.0.0/33")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TrustedProxies.parse(List.of("ingress.local")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void ipv6KeysOnTheSlash64() throws Exception {
        assertThat(ClientAddress.keyOf(InetAddress.getByName("2001:db8:1:2:3:4:5:6")))
                .isEqualTo("2001:db8:1:2::/64");
    }
}
