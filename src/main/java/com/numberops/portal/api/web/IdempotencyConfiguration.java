package com.numberops.portal.api.web;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.numberops.portal.api.IdempotencyKeys;

import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

	/**
	 * On /api only, after Spring Security: the key belongs to the signed-in user (or the token's),
	 * and a request the security rules refuse never claims one.
	 */
	@Bean
	FilterRegistrationBean<IdempotencyKeyFilter> idempotencyKeyFilter(IdempotencyKeys keys,
			PlatformTransactionManager transactions, JsonMapper json) {
		FilterRegistrationBean<IdempotencyKeyFilter> registration = new FilterRegistrationBean<>(
				new IdempotencyKeyFilter(keys, transactions, json));
		registration.addUrlPatterns("/api/*");
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
		return registration;
	}
}
