package com.numberops.portal.system;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.cache.StandardCacheManager;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The web layer's own configuration: the refusal of NUL characters, and request-path costs that
 * Spring Boot switches on by default and that this portal does not use: the inventory benchmark
 * (docs/benchmarks.md) found them in every page's profile.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	/**
	 * Boot registers Spring's resource URL encoder because webjars-locator-lite enables the
	 * resource chain. It would rewrite links to versioned asset URLs, a strategy not configured
	 * here, so it rewrites nothing; yet it looked every page link (a 50-row list has 60) up as a
	 * classpath resource in every jar, and misses are not cached: ~13% of a list page's time.
	 * Versionless webjar URLs are resolved by the resource handler, not by this filter.
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

	/**
	 * Spring Security wraps each of its ~15 filters, and every request's authorization decision, in
	 * a Micrometer observation when actuator is present; nothing here reads them, and together they
	 * were a tenth of the security filters' time on a list page. Requests keep their own
	 * http.server.requests metrics; logins keep their authentication observations.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.withDefaults()
			.shouldObserveRequests(false)
			.shouldObserveAuthorizations(false)
			.build();
	}

	/**
	 * After the character encoding filter (the parameters must be read in UTF-8), before Spring
	 * Security: a NUL is refused before anything looks at the request, whoever sent it.
	 */
	@Bean
	FilterRegistrationBean<NulCharacterFilter> nulCharacterFilter() {
		FilterRegistrationBean<NulCharacterFilter> registration = new FilterRegistrationBean<>(new NulCharacterFilter());
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
		return registration;
	}

	/** Parsed expressions kept: the templates hold ~1,800 distinct th: attributes and ~1,000 ${...} in them. */
	static final int EXPRESSIONS_CACHED = 10_000;

	/** Parsed templates kept, each with the fragments asked of it (~35 templates, ~180 fragment references). */
	static final int TEMPLATES_CACHED = 2_000;

	/**
	 * Boot's Thymeleaf, set up for the portal's pages. Its view resolver makes {@link LayoutView}s,
	 * which add the menu to whole pages only. Its engine keeps every parsed expression and template:
	 * Thymeleaf keeps 500 and 200 by default, fewer than the portal's pages hold together, so under
	 * a mix of pages each evicted the others' expressions, which were parsed, their SpEL methods
	 * resolved and compiled again, request after request (an eighth of the drawing time in the load
	 * benchmark's mixed phase, docs/benchmarks.md). What is cached is only ever the templates' text.
	 */
	@Bean
	static BeanPostProcessor thymeleafForThePortal() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof ThymeleafViewResolver resolver) {
					resolver.setViewClass(LayoutView.class);
				}
				if (bean instanceof TemplateEngine engine) {
					StandardCacheManager caches = new StandardCacheManager();
					caches.setExpressionCacheMaxSize(EXPRESSIONS_CACHED);
					caches.setTemplateCacheMaxSize(TEMPLATES_CACHED);
					engine.setCacheManager(caches);
				}
				return bean;
			}
		};
	}
}
