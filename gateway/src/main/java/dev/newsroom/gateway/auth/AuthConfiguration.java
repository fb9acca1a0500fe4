package dev.newsroom.gateway.auth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuthConfiguration {

    @Bean
    TokenVerifier tokenVerifier(JwtProperties properties) {
        return new TokenVerifier(properties);
    }
}
