package dev.newsroom.gateway.ops;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * A salted, keyed hash of the client's address and user agent: enough to tell repeat
 * visitors and floods apart (view counting, rate limits) without storing or forwarding the
 * raw address. Services get it as the {@code x-newsroom-client} metadata.
 */
@Component
public class ClientFingerprint {
  private final SecretKeySpec key;
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  public ClientFingerprint(@Value("${newsroom.gateway.client-hash-salt}") String salt) {
    this.key = new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  public String of(ServerWebExchange exchange) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    String address = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    String agent = exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT);
    return hash(address + "|" + (agent == null ? "" : agent));
  }

  String hash(String text) {
    byte[] digest = macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
  }

  /** Mac.getInstance + init costs more than the hash itself; it runs on every counted read. */
  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
    }
  }
}
