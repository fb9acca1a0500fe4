package dev.newsroom.gateway.ops;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code newsroom.gateway.client.*}: which proxies' {@code X-Forwarded-For} is believed
 * ({@link ClientAddress}). None by default; under the local profile loopback is added, so
 * tests and benchmarks on this machine can act as many clients.
 *
 * @param profile        {@code newsroom.profile} ({@code NEWSROOM_PROFILE}); "local" on a laptop and in tests
 * @param trustedProxies CIDR ranges of the proxies in front of the gateway (the ingress)
 */
@ConfigurationProperties("newsroom.gateway.client")
public record ClientIdentityProperties(String profile, List<String> trustedProxies) {

    public ClientIdentityProperties {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }

    public TrustedProxies proxies() {
        List<String> all = new ArrayList<>(trustedProxies);
        if (LocalProfile.is(profile)) {
            all.addAll(TrustedProxies.LOOPBACK);
        }
        return TrustedProxies.parse(all);
    }
}
