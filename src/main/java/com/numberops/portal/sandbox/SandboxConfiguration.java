package com.numberops.portal.sandbox;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@Conditional(SandboxConditions.Any.class)
@EnableConfigurationProperties(SandboxProperties.class)
class SandboxConfiguration {

	@Bean(initMethod = "migrateAndSeed")
	SandboxDatabase sandboxDatabase(DataSourceProperties portalDatabase, SandboxProperties properties) {
		return new SandboxDatabase(portalDatabase, properties);
	}

	/**
	 * The simulated carriers sit outside the portal's login: they check the carriers' own
	 * credentials (SandboxGate). No session, no CSRF (API clients), no login redirect.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain sandboxSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/sandbox/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.disable());
		return http.build();
	}

	@Bean
	WebMvcConfigurer sandboxGateRegistration(SandboxFaults faults, SandboxTokens tokens, SandboxProperties properties,
			JsonMapper json, Environment environment) {
		SandboxGate gate = new SandboxGate(faults, tokens, properties, json, SandboxConditions.simulated(environment));
		return new WebMvcConfigurer() {
			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(gate).addPathPatterns("/sandbox/**");
			}
		};
	}

	/** Around the journal: the journal records what the carrier did, whatever answer is then lost. */
	@Bean
	FilterRegistrationBean<SandboxLostAnswerFilter> sandboxLostAnswerFilter(SandboxFaults faults,
			SandboxProperties properties, JsonMapper json) {
		FilterRegistrationBean<SandboxLostAnswerFilter> registration = new FilterRegistrationBean<>(
				new SandboxLostAnswerFilter(faults, properties, json));
		registration.addUrlPatterns("/sandbox/*");
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
		return registration;
	}

	/** After every other sandbox interceptor (the gate's credentials first): NULs in query parameters. */
	@Bean
	WebMvcConfigurer sandboxNulGuardRegistration(JsonMapper json) {
		SandboxNulGuard guard = new SandboxNulGuard(json);
		return new WebMvcConfigurer() {
			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(guard).addPathPatterns("/sandbox/**").order(Ordered.LOWEST_PRECEDENCE);
			}
		};
	}

	@Bean
	FilterRegistrationBean<SandboxJournalFilter> sandboxJournalFilter(SandboxJournal journal, Clock clock) {
		FilterRegistrationBean<SandboxJournalFilter> registration = new FilterRegistrationBean<>(
				new SandboxJournalFilter(journal, clock));
		registration.addUrlPatterns("/sandbox/*");
		return registration;
	}
}
