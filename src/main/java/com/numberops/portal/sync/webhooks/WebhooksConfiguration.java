package com.numberops.portal.sync.webhooks;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhooksProperties.class)
class WebhooksConfiguration {

	/**
	 * Carriers are not portal users: /webhooks/** sits outside the portal login, with no session,
	 * no CSRF (a server-to-server POST carries no token) and no login redirect. Each delivery
	 * authenticates itself (signature or token), checked by {@link CarrierWebhooks} before
	 * anything is read or written. Ordered before the portal's catch-all chain.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	SecurityFilterChain webhooksSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/webhooks/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.disable());
		return http.build();
	}
}
